package dev.vla.launch.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vla.launch.dist.PlatformJars.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformJarsTest {
  @TempDir
  Path dir;

  /** A jar laid out like ONNX Runtime's, Fast-DDS's and sqlite-jdbc's: every platform's natives in one. */
  private Path everyPlatformJar() throws IOException {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("ai/onnxruntime/OrtSession.class", new byte[] {(byte) 0xca, (byte) 0xfe});
    e.put("ai/onnxruntime/native/linux-x64/libonnxruntime.so", elf(62));
    e.put("ai/onnxruntime/native/linux-aarch64/libonnxruntime.so", elf(183));
    e.put("ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib", new byte[100]);
    e.put("ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Info.plist", new byte[10]);
    e.put("ihmc-pub-sub/native/Linux/x86_64/libfastrtps.so.2.14", elf(62));
    e.put("ihmc-pub-sub/native/Linux/aarch64/libfastrtps.so.2.14", elf(183));
    e.put("ihmc-pub-sub/native/Windows/AMD64/fastrtps-2.14.dll", new byte[50]);
    e.put("org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so", elf(62));
    e.put("org/sqlite/native/Linux-Android/aarch64/libsqlitejdbc.so", elf(183));
    e.put("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", elf(62));
    e.put("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", elf(183));
    e.put("META-INF/native-image/linux-x86_64/jnijavacpp/jni-config.json", "{}".getBytes());
    return jar("every.jar", e);
  }

  @Test
  void keepsOnlyTheTargetsNativesAndEverythingElse() throws IOException {
    Path in = everyPlatformJar();
    Path out = dir.resolve("x86.jar");
    PlatformJars.Report r = PlatformJars.filter(in, out, Platform.LINUX_X86_64);
    assertEquals(List.of("ai/onnxruntime/OrtSession.class", "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
        "ihmc-pub-sub/native/Linux/x86_64/libfastrtps.so.2.14", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
        "META-INF/native-image/linux-x86_64/jnijavacpp/jni-config.json"), names(out));
    assertEquals(11, r.natives());
    assertEquals(8, r.removed());

    Path arm = dir.resolve("arm.jar");
    PlatformJars.filter(in, arm, Platform.LINUX_AARCH64);
    assertEquals(List.of("ai/onnxruntime/OrtSession.class", "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
        "ihmc-pub-sub/native/Linux/aarch64/libfastrtps.so.2.14", "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
        "META-INF/native-image/linux-x86_64/jnijavacpp/jni-config.json"), names(arm));
  }

  @Test
  void aJarWithoutPlatformFoldersKeepsTheLibrariesBuiltForTheTargetCpu() throws IOException {
    Path in = jar("realtime.jar", Map.of("us/ihmc/realtime/lib/libRealtimeNative.so", elf(62),
        "us/ihmc/realtime/lib/libRealtimeNative.dylib", new byte[30], "us/ihmc/Realtime.class", new byte[2]));
    Path x86 = dir.resolve("x86.jar");
    PlatformJars.Report r = PlatformJars.filter(in, x86, Platform.LINUX_X86_64);
    assertEquals(List.of("us/ihmc/Realtime.class", "us/ihmc/realtime/lib/libRealtimeNative.so"),
        names(x86).stream().sorted().toList());
    assertEquals(1, r.removed());
    Path arm = dir.resolve("arm.jar");
    r = PlatformJars.filter(in, arm, Platform.LINUX_AARCH64);
    assertEquals(List.of("us/ihmc/Realtime.class"), names(arm));
    assertEquals(2, r.removed());
  }

  @Test
  void theBytesOfKeptEntriesAreUnchanged() throws IOException {
    Path out = dir.resolve("x86.jar");
    PlatformJars.filter(everyPlatformJar(), out, Platform.LINUX_X86_64);
    try (ZipFile z = new ZipFile(out.toFile())) {
      byte[] lib = z.getInputStream(z.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime.so")).readAllBytes();
      assertEquals(62, PlatformJars.elfMachine(lib));
      assertEquals(64, lib.length);
    }
  }

  @Test
  void aLibraryForTheWrongCpuUnderTheTargetsFolderIsRefused() throws IOException {
    Path in = jar("bad.jar", Map.of("org/bytedeco/opencv/linux-arm64/libopencv_core.so.413", elf(62)));
    var e = assertThrows(IllegalStateException.class,
        () -> PlatformJars.filter(in, dir.resolve("out.jar"), Platform.LINUX_AARCH64));
    assertTrue(e.getMessage().contains("libopencv_core.so.413"), e.getMessage());
    assertTrue(e.getMessage().contains("ELF machine 62"), e.getMessage());

    Path text = jar("text.jar", Map.of("x/linux-x86_64/libfake.so", "not a library".getBytes()));
    var e2 = assertThrows(IllegalStateException.class,
        () -> PlatformJars.filter(text, dir.resolve("out2.jar"), Platform.LINUX_X86_64));
    assertTrue(e2.getMessage().contains("not an ELF library"), e2.getMessage());
  }

  @Test
  void nativesAreRecognisedByTheirNames() {
    assertTrue(PlatformJars.isNative("a/libx.so"));
    assertTrue(PlatformJars.isNative("a/libopencv_core.so.413"));
    assertTrue(PlatformJars.isNative("a/libfastrtps.so.2.14"));
    assertTrue(PlatformJars.isNative("a/x.DLL"));
    assertTrue(PlatformJars.isNative("a/x.dylib"));
    assertTrue(PlatformJars.isNative("a/x.dylib.dSYM/Contents/Info.plist"));
    assertFalse(PlatformJars.isNative("a/Solver.class"));
    assertFalse(PlatformJars.isNative("a/solver.json"));
    assertFalse(PlatformJars.isNative("a/some.source"));
  }

  @Test
  void elfMachineReadsTheHeaderOrSaysNotElf() {
    assertEquals(62, PlatformJars.elfMachine(elf(62)));
    assertEquals(183, PlatformJars.elfMachine(elf(183)));
    assertEquals(-1, PlatformJars.elfMachine(new byte[64]));
    assertEquals(-1, PlatformJars.elfMachine(new byte[3]));
  }

  @Test
  void platformsAreNamedAsTheArchivesAre() {
    assertEquals(Platform.LINUX_AARCH64, Platform.of("linux-aarch64"));
    assertEquals(Platform.LINUX_X86_64, Platform.of("linux-x86_64"));
    var e = assertThrows(IllegalArgumentException.class, () -> Platform.of("windows-x86_64"));
    assertTrue(e.getMessage().contains("linux-aarch64"));
  }

  @Test
  void theLauncherJarNamesMainClassAndClasspathInOrder() throws IOException {
    List<String> cp = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      cp.add("a-rather-long-dependency-name-" + i + "-1.2.3.jar");
    }
    Path out = dir.resolve(PlatformJars.LAUNCHER_JAR);
    PlatformJars.writeLauncherJar(out, "dev.vla.launch.Main", cp);
    try (JarFile j = new JarFile(out.toFile())) {
      Attributes a = j.getManifest().getMainAttributes();
      assertEquals("dev.vla.launch.Main", a.getValue(Attributes.Name.MAIN_CLASS));
      assertEquals(String.join(" ", cp), a.getValue(Attributes.Name.CLASS_PATH));
    }
  }

  private static byte[] elf(int machine) {
    byte[] b = new byte[64];
    b[0] = 0x7f;
    b[1] = 'E';
    b[2] = 'L';
    b[3] = 'F';
    b[4] = 2;
    b[5] = 1;
    b[18] = (byte) machine;
    return b;
  }

  private Path jar(String name, Map<String, byte[]> entries) throws IOException {
    Path p = dir.resolve(name);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return p;
  }

  private static List<String> names(Path jar) throws IOException {
    List<String> n = new ArrayList<>();
    try (ZipFile z = new ZipFile(jar.toFile())) {
      z.stream().forEach(e -> n.add(e.getName()));
    }
    return n;
  }
}
