package dev.mig.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive-old command mig prints after a cutover can be pasted into a shell as it is. */
class ArchiveCommandHintTest {

    @TempDir
    Path dir;

    @Test
    void plainPathsStayAsTheyAre() {
        assertEquals("/srv/app-1/shop.sqlite", ArchiveRun.shellWord("/srv/app-1/shop.sqlite"));
    }

    @Test
    void pathsWithSpacesOrQuotesAreSingleQuoted() {
        assertEquals("'/srv/my app/shop.sqlite'", ArchiveRun.shellWord("/srv/my app/shop.sqlite"));
        assertEquals("'/srv/bob'\\''s/shop.sqlite'", ArchiveRun.shellWord("/srv/bob's/shop.sqlite"));
    }

    @Test
    void anOldFileNamedAsMigNamesItNeedsOnlyTheDirectory() throws Exception {
        Path old = Files.createFile(dir.resolve("shop-0123456789abcdef.sqlite"));

        assertEquals("mig archive-old -d " + dir, ArchiveRun.commandFor(dir, old));
    }

    @Test
    void anOldFileNamedOtherwiseIsNamedWithSource() throws Exception {
        Path old = Files.createFile(dir.resolve("my app.sqlite"));

        assertEquals("mig archive-old -d " + dir + " --source '" + old + "'", ArchiveRun.commandFor(dir, old));
    }
}
