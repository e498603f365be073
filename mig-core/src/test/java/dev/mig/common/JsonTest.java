package dev.mig.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mig.api.plan.IdPolicy;
import dev.mig.schema.Check;
import dev.mig.schema.Column;
import dev.mig.schema.FkAction;
import dev.mig.schema.ForeignKey;
import dev.mig.schema.Generated;
import dev.mig.schema.Index;
import dev.mig.schema.IndexTerm;
import dev.mig.schema.PrimaryKey;
import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import dev.mig.schema.Trigger;
import dev.mig.schema.UniqueKey;
import dev.mig.schema.View;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    static Schema everyFeature() {
        Table t = new Table("t", List.of(
                new Column("id", "INTEGER", true, null, null, null, null, null),
                new Column("email", "TEXT", false, "'x'", "NOCASE", null, "mail", "lower(mail)"),
                new Column("g", "INTEGER", false, null, null, new Generated("id + 1", true), null, null)),
                new PrimaryKey(List.of("id"), false, true), List.of(new UniqueKey(List.of("email"))),
                List.of(new Check("c", "id > 0")),
                List.of(new ForeignKey(List.of("id"), "p", List.of(), FkAction.CASCADE, null, true)),
                List.of(new Index("i", List.of(IndexTerm.column("email"), new IndexTerm(null, "id + 1", null, true)),
                        true, "id > 2")), false, true, "old_t", List.of("gone"), IdPolicy.REMAP);
        return new Schema("app", List.of(t), List.of(new View("v", List.of("a"), "SELECT 1")),
                List.of(new Trigger("tr", "t", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END")),
                List.of("dropme"));
    }

    @Test
    void aSchemaSurvivesAJsonRoundTrip() {
        Schema s = everyFeature();
        assertEquals(s, Json.read(Json.write(s), Schema.class));
    }

    @Test
    void convenienceMethodsAreNotWrittenAsProperties() {
        String json = Json.write(everyFeature());
        assertFalse(json.contains("simpleColumn"), json);
        assertFalse(json.contains("rowidAlias"), json);
        assertTrue(json.contains("\"generated\""), json);
    }
}
