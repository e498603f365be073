package dev.mig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    @TempDir
    Path dir;

    @Test
    void theDemoMigratesALiveShopAndLosesNoWriteFromTheExampleInsideTheJar() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MigCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("demo", "-d", dir.resolve("scratch").toString());
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains("tables equal"), out.toString());
        assertTrue(out.toString().contains("every successful write is in the new database"), out.toString());
        assertTrue(out.toString().contains("Result: OK"), out.toString());
        assertTrue(out.toString().contains("The scratch project stays in " + dir.resolve("scratch")), out.toString());
    }
}
