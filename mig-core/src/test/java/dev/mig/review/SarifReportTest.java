package dev.mig.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.mig.api.FailOn;
import dev.mig.api.PlanReview;
import dev.mig.api.RuleSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output, checked against the OASIS SARIF 2.1.0 schema (errata 01) in test resources. */
class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    @TempDir
    Path dir;

    private static JsonSchema load() {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode valid(String sarif) throws Exception {
        JsonNode node = JSON.readTree(sarif);
        Set<ValidationMessage> errors = SCHEMA.validate(node);
        assertTrue(errors.isEmpty(), errors + "\n" + sarif);
        return node;
    }

    private JsonNode sarif(String schema, String rules) throws Exception {
        PlanReview review = Review.review(Review.project(dir, schema, Review.ITEMS), rules, FailOn.ERROR);
        return valid(SarifReport.render(review, dir, "https://example.org/mig/specs/rules.md"));
    }

    @Test
    void theSchemaRejectsWhatItShould() throws Exception {
        assertFalse(SCHEMA.validate(JSON.readTree("{\"version\": \"2.0.0\", \"runs\": []}")).isEmpty(),
                "the validator is live: a wrong version is refused");
    }

    @Test
    void aNullsFindingPointsAtTheColumnsLineInSchemaYaml() throws Exception {
        JsonNode result = sarif(Review.NAME_NOT_NULL, null).at("/runs/0/results/0");

        assertEquals("MIG101", result.at("/ruleId").asText());
        assertEquals("error", result.at("/level").asText());
        assertEquals("schema.yaml", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(6, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(7, result.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertTrue(result.at("/message/text").asText().contains("2 rows are NULL"), result.toString());
        assertEquals(2, result.at("/properties/rows").asInt());
    }

    @Test
    void everyResultHasAStableFingerprintOfWhatItConcerns() throws Exception {
        JsonNode result = sarif(Review.NAME_NOT_NULL, null).at("/runs/0/results/0");

        assertEquals("MIG101|NULLS_IN_NOT_NULL|items|name||", result.at("/partialFingerprints/migFinding~1v1").asText());
    }

    @Test
    void theBaseUriEndsWithASlashEvenForAFolderThatDoesNotExist() {
        assertTrue(SarifReport.directoryUri(dir.resolve("not-yet")).endsWith("/not-yet/"));
    }

    @Test
    void anOrphanFindingPointsAtTheForeignKeysColumn() throws Exception {
        String schema = """
                name: app
                tables:
                  items:
                    columns:
                      id:   {type: INTEGER, primaryKey: true}
                      name: {type: TEXT}
                      qty:  {type: INTEGER, references: items.id}
                """;
        PlanReview review = Review.review(Review.project(dir, schema, Review.ITEMS
                + "INSERT INTO items (name, qty) VALUES ('e', 99);\n"), null, FailOn.ERROR);
        JsonNode sarif = valid(SarifReport.render(review, dir, null));

        JsonNode orphan = null;
        for (JsonNode r : sarif.at("/runs/0/results")) {
            if (r.at("/ruleId").asText().equals("MIG106")) {
                orphan = r;
            }
        }
        assertTrue(orphan != null, sarif.toString());
        assertEquals(7, orphan.at("/locations/0/physicalLocation/region/startLine").asInt(), orphan.toString());
        assertEquals("qty", orphan.at("/properties/column").asText());
    }

    @Test
    void aSchemaThatCannotBeReadIsOneResultAtTheLineItsErrorNames() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("schema.yaml"), "name: b\ntables:\n  items:\n    columns:\n"
                + "      id: {type: INTEGER, primaryKey: tru}\n");
        dev.mig.api.MigException error = org.junit.jupiter.api.Assertions.assertThrows(dev.mig.api.MigException.class,
                () -> dev.mig.Mig.plan(dev.mig.api.Project.at(dir)));

        JsonNode result = valid(dev.mig.Mig.sarifForSchemaError(error, dir, null)).at("/runs/0/results/0");

        assertEquals("MIG200", result.at("/ruleId").asText());
        assertEquals("schema.yaml", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(5, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(39, result.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertTrue(result.at("/message/text").asText().startsWith("'primaryKey' of column items.id"), result.toString());
    }

    @Test
    void anErrorThatNamesNoPlaceInTheSchemaHasNoSarif() {
        assertEquals(null, dev.mig.Mig.sarifForSchemaError(dev.mig.api.MigException.input("no such option", "x"), dir,
                null));
    }

    @Test
    void aDataFindingAlsoNamesTheDatabaseItWasCountedIn() throws Exception {
        JsonNode result = sarif(Review.NAME_NOT_NULL, null).at("/runs/0/results/0");

        assertEquals("app.sqlite", result.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void rulesCarryTheirDocumentationAndHelpLink() throws Exception {
        JsonNode sarif = sarif(Review.NAME_NOT_NULL, null);
        JsonNode rule = sarif.at("/runs/0/tool/driver/rules/" + sarif.at("/runs/0/results/0/ruleIndex").asInt());

        assertEquals("MIG101", rule.at("/id").asText());
        assertEquals("NullsInNotNull", rule.at("/name").asText());
        assertEquals("error", rule.at("/defaultConfiguration/level").asText());
        assertTrue(rule.at("/help/markdown").asText().contains("How to fix:"), rule.toString());
        assertEquals("https://example.org/mig/specs/rules.md#mig101-null-values-in-a-column-that-becomes-not-null",
                rule.at("/helpUri").asText());
    }

    @Test
    void aProjectsRuleChangesAreConfigurationOverridesAndTheResultsLevel() throws Exception {
        JsonNode sarif = sarif(Review.NAME_NOT_NULL, "MIG101=warning, MIG258=off");

        JsonNode overrides = sarif.at("/runs/0/invocations/0/ruleConfigurationOverrides");
        assertEquals(2, overrides.size());
        assertEquals("warning", sarif.at("/runs/0/results/0/level").asText());
        assertEquals("error", sarif.at("/runs/0/results/0/properties/defaultLevel").asText());
        for (JsonNode r : sarif.at("/runs/0/results")) {
            assertFalse(r.at("/ruleId").asText().equals("MIG258"), "turned off: not reported");
        }
    }

    @Test
    void pathsOutsideTheBaseAreAbsoluteFileUris() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        PlanReview review = Review.review(Review.project(project, Review.NAME_NOT_NULL, Review.ITEMS), null,
                FailOn.ERROR);

        JsonNode sarif = valid(SarifReport.render(review, elsewhere, null));

        String uri = sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText();
        assertTrue(uri.startsWith("file:/") && uri.endsWith("/project/schema.yaml"), uri);
        assertTrue(sarif.at("/runs/0/tool/driver/rules/0/helpUri").isMissingNode(), "no link without a URL");
    }

    @Test
    void aPlanWithoutFindingsIsAValidEmptyRun() throws Exception {
        Review.project(dir, Review.NAME_FROM, Review.ITEMS);
        dev.mig.Mig.migrate(dev.mig.api.Project.at(dir, dir.resolve("app.sqlite")), true, dev.mig.api.Progress.NONE);
        PlanReview review = PlanReview.of(dev.mig.Mig.plan(dev.mig.api.Project.at(dir)), RuleSettings.DEFAULTS,
                FailOn.ERROR);

        JsonNode sarif = valid(SarifReport.render(review, dir, null));

        assertEquals(0, sarif.at("/runs/0/results").size());
    }

    @Test
    void theExampleShopIsValidSarifWithEachResultAtALine() throws Exception {
        Path shop = dir.resolve("shop");
        Files.createDirectories(shop);
        for (String name : new String[] {"schema.yaml", "v1.sql"}) {
            Files.copy(Path.of("..", "examples", "shop", name), shop.resolve(name));
        }
        try (dev.mig.testing.Db db = dev.mig.testing.Db.open(shop.resolve("app.sqlite"))) {
            db.exec(Files.readString(shop.resolve("v1.sql")));
        }
        PlanReview review = PlanReview.of(dev.mig.Mig.plan(dev.mig.api.Project.at(shop, shop.resolve("app.sqlite"))),
                RuleSettings.DEFAULTS, FailOn.ERROR);

        JsonNode sarif = valid(SarifReport.render(review, dir, null));

        assertTrue(sarif.at("/runs/0/results").size() >= 5, sarif.toString());
        for (JsonNode r : sarif.at("/runs/0/results")) {
            assertTrue(r.at("/locations/0/physicalLocation/region/startLine").asInt() > 0, r.toString());
        }
    }
}
