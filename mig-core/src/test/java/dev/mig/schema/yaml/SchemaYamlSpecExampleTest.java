package dev.mig.schema.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mig.schema.Schema;
import dev.mig.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The complete example in specs/schema-format.md must stay a valid schema. */
class SchemaYamlSpecExampleTest {

    @Test
    void specExampleLoads() throws Exception {
        String spec = Files.readString(Path.of("..", "specs", "schema-format.md"));
        int start = spec.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = spec.substring(start, spec.indexOf("```", start));
        Schema s = SchemaYaml.load(yaml, "schema-format.md", "unused");
        assertEquals("blog", s.name());
        assertEquals(List.of("users", "posts", "post_tags"), s.tables().stream().map(Table::name).toList());
        assertEquals(s, SchemaYaml.load(SchemaYaml.write(s), "written", "unused"));
    }
}
