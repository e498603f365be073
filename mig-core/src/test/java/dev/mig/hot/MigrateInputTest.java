package dev.mig.hot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mig.Mig;
import dev.mig.common.MigException;
import dev.mig.copy.CopyListener;
import dev.mig.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateInputTest {

    @TempDir
    Path dir;

    @Test
    void aBadSchemaYamlIsRefusedBeforeAnyFileIsWritten() throws Exception {
        Files.writeString(dir.resolve("schema.yaml"), "tables:\n  t:\n    columns:\n      id: {type: INTEGER, nulable: false}\n");
        MigException e = assertThrows(MigException.class,
                () -> Mig.migrate(Project.at(dir, null), false, CopyListener.NONE));
        assertEquals(MigException.Kind.INPUT, e.kind());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("schema.yaml"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
