package dev.mig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mig.testkit.NotNullPullRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script ({@code action/plan_review.py}) run as the runner runs it: the built CLI, a
 * fake {@code GITHUB_*} environment, and a fake GitHub API on loopback that records what it is asked.
 * The pull request adds a NOT NULL column over rows with NULLs; the oracle reads the files and requests.
 */
class GithubActionTest {

    private static final Path JAR = Path.of("..", "mig-cli", "target", "mig.jar").toAbsolutePath();
    private static final Path SCRIPT = Path.of("..", "action", "plan_review.py").toAbsolutePath();

    private static final String SCHEMA = NotNullPullRequest.SCHEMA;

    @TempDir
    Path workspace;
    Path runnerTemp;
    HttpServer github;
    final List<String> requests = new ArrayList<>();
    final List<String> bodies = new ArrayList<>();
    final List<String> comments = new ArrayList<>();

    @BeforeEach
    void pullRequest() throws Exception {
        runnerTemp = Files.createDirectories(workspace.resolve("_temp"));
        Path db = Files.createDirectories(workspace.resolve("db")).resolve("snapshot.sqlite");
        Process sqlite = new ProcessBuilder("python3", "-c", "import sqlite3, sys\n"
                + "c = sqlite3.connect(sys.argv[1])\n"
                + "c.executescript(sys.argv[2])\n"
                + "c.close()\n", db.toString(), NotNullPullRequest.LIVE_SQL).inheritIO().start();
        assertEquals(0, sqlite.waitFor());
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/schema.yaml"), SCHEMA);
        Files.writeString(workspace.resolve("event.json"), "{\"action\": \"synchronize\", \"pull_request\": {\"number\": 7}}");
        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", this::answer);
        github.start();
    }

    @AfterEach
    void stop() {
        github.stop(0);
    }

    /** GET lists the comments so far, POST adds one, PATCH replaces one; everything is recorded. */
    private synchronized void answer(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Authorization"));
        bodies.add(body);
        String reply = "";
        int status = 200;
        if (x.getRequestMethod().equals("GET")) {
            Matcher page = Pattern.compile("(?:^|&)page=(\\d+)").matcher(x.getRequestURI().getQuery());
            Matcher perPage = Pattern.compile("per_page=(\\d+)").matcher(x.getRequestURI().getQuery());
            int size = perPage.find() ? Integer.parseInt(perPage.group(1)) : 30;
            int from = ((page.find() ? Integer.parseInt(page.group(1)) : 1) - 1) * size;
            StringBuilder list = new StringBuilder("[");
            for (int i = from; i < Math.min(comments.size(), from + size); i++) {
                list.append(i == from ? "" : ",").append("{\"id\": ").append(100 + i).append(", \"body\": ")
                        .append(quote(comments.get(i))).append('}');
            }
            reply = list.append(']').toString();
        } else if (x.getRequestMethod().equals("POST")) {
            comments.add(text(body));
            status = 201;
            reply = "{\"id\": " + (99 + comments.size()) + "}";
        } else if (x.getRequestMethod().equals("PATCH")) {
            Matcher m = Pattern.compile("/comments/(\\d+)$").matcher(x.getRequestURI().getPath());
            assertTrue(m.find());
            comments.set(Integer.parseInt(m.group(1)) - 100, text(body));
            reply = "{}";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static String quote(String s) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    }

    private static String text(String json) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("body").asText();
    }

    private record Run(int exit, String log) {
    }

    private Run action(Map<String, String> inputs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", SCRIPT.toString()).directory(workspace.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("MIG", "java -jar " + JAR);
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_API_URL", "http://127.0.0.1:" + github.getAddress().getPort());
        env.put("GITHUB_REPOSITORY", "acme/shop");
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_EVENT_PATH", workspace.resolve("event.json").toString());
        env.put("GITHUB_TOKEN", "t0ken");
        env.put("GITHUB_OUTPUT", workspace.resolve("output.txt").toString());
        env.put("GITHUB_STEP_SUMMARY", workspace.resolve("summary.md").toString());
        env.put("RUNNER_TEMP", runnerTemp.toString());
        env.put("MIG_ACTION_DATABASE", "db/snapshot.sqlite");
        env.put("MIG_ACTION_DIR", "app");
        env.putAll(inputs);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), log);
        return new Run(p.exitValue(), log);
    }

    private String output(String key) throws IOException {
        return Files.readAllLines(workspace.resolve("output.txt")).stream().filter(l -> l.startsWith(key + "="))
                .reduce((a, b) -> b).map(l -> l.substring(key.length() + 1)).orElseThrow();
    }

    @Test
    void aNotNullColumnOverNullsFailsWithSarifAtItsLineAndACommentThatNamesTheCount() throws Exception {
        Run run = action(Map.of());

        assertEquals(1, run.exit(), run.log());
        String sarif = Files.readString(Path.of(output("sarif")));
        var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif).at("/runs/0/results/0");
        assertEquals("MIG101", result.at("/ruleId").asText());
        assertEquals("app/schema.yaml", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(NotNullPullRequest.NAME_LINE, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(1, comments.size(), requests.toString());
        assertTrue(comments.get(0).contains("| error | MIG101 | `items.name` | 2 |"), comments.get(0));
        assertTrue(requests.contains("POST /repos/acme/shop/issues/7/comments Bearer t0ken"), requests.toString());
        assertEquals("blocked", output("verdict"));
        assertEquals("1", output("exit-code"));
        assertTrue(Files.readString(workspace.resolve("summary.md")).contains("MIG101"));
    }

    @Test
    void thePushThatAddsFromUpdatesTheSameCommentAndPasses() throws Exception {
        action(Map.of());
        Files.writeString(workspace.resolve("app/schema.yaml"), NotNullPullRequest.SCHEMA_WITH_FROM);

        Run run = action(Map.of());

        assertEquals(0, run.exit(), run.log());
        assertEquals(1, comments.size(), "one comment, updated: " + requests);
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("PATCH /repos/acme/shop/issues/comments/100 ")),
                requests.toString());
        assertTrue(comments.get(0).contains("is **ready to migrate**"), comments.get(0));
        assertEquals("ready", output("verdict"));
    }

    @Test
    void itsCommentIsFoundOnALaterPageAndAQuoteOfItIsLeftAlone() throws Exception {
        for (int i = 0; i < 130; i++) {
            comments.add("a review comment " + i);
        }
        action(Map.of());
        comments.add(0, "> <!-- mig-plan-dir: app -->\nquoted by a person");
        int ours = comments.size() - 1;

        action(Map.of());

        assertEquals(132, comments.size(), "no second comment: " + requests);
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /repos/acme/shop/issues/7/comments?per_page=100&page=2")),
                requests.toString());
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("PATCH /repos/acme/shop/issues/comments/" + (100 + ours))),
                requests.toString());
        assertEquals("> <!-- mig-plan-dir: app -->\nquoted by a person", comments.get(0));
    }

    @Test
    void twoProjectsInOnePullRequestKeepTwoComments() throws Exception {
        Files.createDirectories(workspace.resolve("other"));
        Files.writeString(workspace.resolve("other/schema.yaml"), NotNullPullRequest.SCHEMA_WITH_FROM);

        action(Map.of());
        action(Map.of("MIG_ACTION_DIR", "other"));
        action(Map.of());

        assertEquals(2, comments.size(), requests.toString());
        assertTrue(comments.get(0).startsWith("<!-- mig-plan-dir: app -->") && comments.get(0).contains("**blocked**"));
        assertTrue(comments.get(1).startsWith("<!-- mig-plan-dir: other -->")
                && comments.get(1).contains("**ready to migrate**"));
    }

    @Test
    void aFailingApiStillLeavesTheOutputsAndMigsExitCode() throws Exception {
        github.removeContext("/");
        github.createContext("/", x -> {
            byte[] html = "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, html.length);
            x.getResponseBody().write(html);
            x.close();
        });

        Run run = action(Map.of());

        assertEquals(1, run.exit(), run.log());
        assertTrue(run.log().contains("::warning::could not comment"), run.log());
        assertTrue(Files.exists(Path.of(output("sarif"))));
    }

    @Test
    void failOnNeverPassesButStillReports() throws Exception {
        Run run = action(Map.of("MIG_ACTION_FAIL_ON", "never"));

        assertEquals(0, run.exit(), run.log());
        assertEquals(1, comments.size());
        assertTrue(Files.exists(Path.of(output("sarif"))));
    }

    @Test
    void outsideAPullRequestNothingIsPostedButSarifIsWritten() throws Exception {
        Files.writeString(workspace.resolve("event.json"), "{\"ref\": \"refs/heads/main\"}");

        Run run = action(Map.of("GITHUB_EVENT_NAME", "push"));

        assertEquals(1, run.exit(), run.log());
        assertTrue(requests.isEmpty(), requests.toString());
        assertTrue(Files.exists(Path.of(output("sarif"))));
    }

    @Test
    void aBrokenSchemaIsAnnotatedAtItsLineAndCommented() throws Exception {
        Files.writeString(workspace.resolve("app/schema.yaml"), SCHEMA.replace("primaryKey: true", "primaryKey: tru"));

        Run run = action(Map.of());

        assertEquals(2, run.exit(), run.log());
        var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(Path.of(output("sarif"))))
                .at("/runs/0/results/0");
        assertEquals("MIG200", result.at("/ruleId").asText());
        assertEquals("app/schema.yaml", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(5, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(comments.get(0).contains("mig plan could not run (exit 2)"), comments.get(0));
    }

    @Test
    void aBadInputIsCommentedAndFailsWithMigsExitCode() throws Exception {
        Run run = action(Map.of("MIG_ACTION_RULES", "MIG999=off"));

        assertEquals(2, run.exit(), run.log());
        assertEquals(1, comments.size());
        assertTrue(comments.get(0).contains("mig plan could not run (exit 2)"), comments.get(0));
        assertTrue(comments.get(0).contains("MIG999"), comments.get(0));
        assertEquals("", output("sarif"));
    }
}
