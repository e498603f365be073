package dev.mig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * action.yml and the example workflow as GitHub reads them: valid YAML, a composite action whose steps
 * name only declared inputs and files that exist, and outputs the script sets.
 */
class ActionDefinitionTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws Exception {
        return (Map<String, Object>) new Yaml().load(Files.readString(ROOT.resolve(file)));
    }

    @Test
    void isACompositeActionThatParses() throws Exception {
        Map<String, Object> action = yaml("action.yml");

        assertEquals("composite", ((Map<?, ?>) action.get("runs")).get("using"));
        assertTrue(((Map<?, ?>) action.get("inputs")).containsKey("database"));
    }

    @Test
    void everyInputItUsesIsDeclared() throws Exception {
        Map<?, ?> inputs = (Map<?, ?>) yaml("action.yml").get("inputs");
        Matcher m = Pattern.compile("inputs\\.([a-z-]+)").matcher(Files.readString(ROOT.resolve("action.yml")));
        while (m.find()) {
            assertTrue(inputs.containsKey(m.group(1)), "undeclared input " + m.group(1));
        }
    }

    @Test
    void everyFileItRunsExists() throws Exception {
        Matcher m = Pattern.compile("\\$GITHUB_ACTION_PATH/([\\w./-]+)").matcher(Files.readString(ROOT.resolve("action.yml")));
        int found = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(m.group(1))), m.group(1));
            found++;
        }
        assertTrue(found >= 2, "install-mig.sh and plan_review.py");
    }

    @Test
    void everyOutputComesFromAStepOutputTheScriptWrites() throws Exception {
        Map<?, ?> outputs = (Map<?, ?>) yaml("action.yml").get("outputs");
        String script = Files.readString(ROOT.resolve("action/plan_review.py"));
        for (Object name : outputs.keySet()) {
            String value = String.valueOf(((Map<?, ?>) outputs.get(name)).get("value"));
            Matcher m = Pattern.compile("steps\\.plan\\.outputs\\.([a-z-]+)").matcher(value);
            assertTrue(m.find(), value);
            assertTrue(script.contains("\"" + m.group(1) + "\":"), "plan_review.py never sets " + m.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExampleWorkflowPassesOnlyInputsTheActionDeclares() throws Exception {
        Map<?, ?> inputs = (Map<?, ?>) yaml("action.yml").get("inputs");
        Map<String, Object> workflow = yaml("examples/github-action/mig-plan.yml");
        Map<String, Object> plan = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("plan");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) plan.get("steps");
        Map<String, Object> mig = steps.stream().filter(s -> String.valueOf(s.get("uses")).contains("/mig@"))
                .findFirst().orElseThrow();
        for (String key : ((Map<String, Object>) mig.get("with")).keySet()) {
            assertTrue(inputs.containsKey(key), "the example passes an undeclared input: " + key);
        }
        assertTrue(((Map<?, ?>) mig.get("with")).containsKey("database"));
    }
}
