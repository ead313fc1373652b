package dev.vla.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VlaHomeTest {
  @TempDir
  Path dir;

  @Test
  void aFolderThatCanBeMadeUnderAWritableOneIsAccepted() {
    Path runs = dir.resolve("state/vla-controller/runs/2026_demo");
    assertEquals(runs, VlaHome.requireWritable(runs, "the episode record"));
  }

  @Test
  void aFileInTheWayIsNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("runs"), "x");
    var e = assertThrows(UserError.class, () -> VlaHome.requireWritable(file.resolve("a"), "the episode record"));
    assertTrue(e.getMessage().contains(file + " is not a folder"), e.getMessage());
  }

  @Test
  void aReadOnlyFolderIsRefusedBeforeAnyWorkWithTheWayOut() throws IOException {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(ro), "root writes through file modes");
      var e = assertThrows(UserError.class, () -> VlaHome.requireWritable(ro.resolve("runs/x"), "the episode record"));
      assertTrue(e.getMessage().startsWith("cannot write the episode record to " + ro.resolve("runs/x")), e.getMessage());
      assertTrue(e.getMessage().contains(ro + " is not writable"), e.getMessage());
      assertTrue(e.getMessage().contains("VLA_RUNS"), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
