package dev.vla.launch.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the controller's jars into an archive's {@code lib/} keeping only one platform's native libraries.
 * ONNX Runtime, Fast-DDS (inside ihmc-pub-sub) and sqlite-jdbc each ship the natives of every operating
 * system in one jar; an edge archive carries only its own. Every native kept is checked to be an ELF
 * library for the target CPU, so an archive cannot ship a library its machine cannot load.
 *
 * <p>Run by {@code scripts/package.sh}: {@code PlatformJars PLATFORM OUT_DIR MAIN_CLASS JAR...} writes the
 * filtered jars to {@code OUT_DIR} plus {@code vla.jar}, whose manifest names the main class and the others
 * in classpath order (a short {@code java -jar} line, whatever the number of jars).
 */
public final class PlatformJars {
  /** The launcher jar written next to the libraries. */
  public static final String LAUNCHER_JAR = "vla.jar";

  private static final Pattern NATIVE = Pattern.compile(
      "(\\.so(\\.\\d+)*|\\.dylib|\\.jnilib|\\.dll|\\.a|\\.lib|\\.pdb)$|\\.dSYM/", Pattern.CASE_INSENSITIVE);

  /** A target: its name, the folder names its natives sit under in jars, and its ELF machine number. */
  public enum Platform {
    LINUX_X86_64("linux-x86_64", 62, "linux-x86_64", "linux-x64", "linux/x86_64", "linux/amd64"),
    LINUX_AARCH64("linux-aarch64", 183, "linux-arm64", "linux-aarch64", "linux/aarch64", "linux/arm64");

    private final String id;
    private final int elfMachine;
    private final List<String> dirs;

    Platform(String id, int elfMachine, String... dirs) {
      this.id = id;
      this.elfMachine = elfMachine;
      this.dirs = List.of(dirs);
    }

    public String id() {
      return id;
    }

    /** The platform called {@code id} ({@code linux-x86_64} or {@code linux-aarch64}). */
    public static Platform of(String id) {
      for (Platform p : values()) {
        if (p.id.equals(id)) {
          return p;
        }
      }
      throw new IllegalArgumentException("unknown platform '" + id + "'; known: linux-x86_64, linux-aarch64");
    }

    /** Whether a jar entry sits under one of this platform's folders (case-insensitive: jars differ). */
    boolean owns(String entry) {
      String e = entry.toLowerCase(Locale.ROOT);
      for (String d : dirs) {
        String dir = d.toLowerCase(Locale.ROOT);
        if (e.contains("/" + dir + "/") || e.startsWith(dir + "/")) {
          return true;
        }
      }
      return false;
    }
  }

  /** What filtering one jar did. */
  public record Report(String jar, int natives, int removed, long removedBytes) {}

  private PlatformJars() {}

  /** Whether a jar entry is a native library (or its debug symbols). */
  static boolean isNative(String entry) {
    return NATIVE.matcher(entry).find();
  }

  /**
   * Copies {@code in} to {@code out} without the natives of other platforms. Jars that sort their natives
   * into platform folders keep the target's folder; a jar with no such folder for the target (a lone
   * {@code lib/libX.so}) keeps the ELF libraries built for the target's CPU.
   *
   * @throws IllegalStateException when a native kept for {@code platform} is not an ELF library for its CPU
   */
  public static Report filter(Path in, Path out, Platform platform) throws IOException {
    int natives = 0;
    int removed = 0;
    long removedBytes = 0;
    try (ZipFile zip = new ZipFile(in.toFile());
        ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
      boolean byFolder = zip.stream().anyMatch(e -> !e.isDirectory() && isNative(e.getName())
          && platform.owns(e.getName()));
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String name = e.getName();
        boolean nativeFile = !e.isDirectory() && isNative(name);
        boolean elf = name.matches(".*\\.so(\\.\\d+)*$");
        byte[] data = null;
        if (nativeFile) {
          natives++;
          boolean keep;
          if (byFolder) {
            keep = platform.owns(name);
          } else {
            data = read(zip, e);
            keep = elf && elfMachine(data) == platform.elfMachine;
          }
          if (!keep) {
            removed++;
            removedBytes += Math.max(0, e.getSize());
            continue;
          }
        } else if (name.contains(".dSYM/") && !platform.owns(name)) {
          continue;
        }
        if (data == null) {
          data = read(zip, e);
        }
        if (nativeFile && elf) {
          checkElf(in.getFileName() + "!" + name, data, platform);
        }
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(e.getTime());
        zos.putNextEntry(copy);
        zos.write(data);
        zos.closeEntry();
      }
    }
    return new Report(in.getFileName().toString(), natives, removed, removedBytes);
  }

  private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
    try (InputStream is = zip.getInputStream(e)) {
      return is.readAllBytes();
    }
  }

  /** The ELF machine number of a library (62 x86-64, 183 AArch64), or -1 when it is not an ELF file. */
  static int elfMachine(byte[] b) {
    if (b.length < 20 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
      return -1;
    }
    boolean little = b[5] == 1;
    return little ? (b[18] & 0xff) | (b[19] & 0xff) << 8 : (b[19] & 0xff) | (b[18] & 0xff) << 8;
  }

  private static void checkElf(String where, byte[] data, Platform platform) {
    int m = elfMachine(data);
    if (m != platform.elfMachine) {
      throw new IllegalStateException(where + " sits under a " + platform.id + " folder but is "
          + (m < 0 ? "not an ELF library" : "built for ELF machine " + m + ", not " + platform.elfMachine));
    }
  }

  /** Writes a jar that holds only a manifest: the main class and {@code classPath}, relative to the jar. */
  public static void writeLauncherJar(Path out, String mainClass, List<String> classPath) throws IOException {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.put(Attributes.Name.MAIN_CLASS, mainClass);
    a.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    try (OutputStream os = Files.newOutputStream(out); JarOutputStream jos = new JarOutputStream(os, m)) {
      jos.flush();
    }
  }

  public static void main(String[] args) {
    if (args.length < 4) {
      System.err.println("usage: PlatformJars PLATFORM OUT_DIR MAIN_CLASS JAR...");
      System.exit(2);
    }
    try {
      Platform platform = Platform.of(args[0]);
      Path outDir = Files.createDirectories(Path.of(args[1]));
      List<String> names = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      long removedBytes = 0;
      int removed = 0;
      for (int i = 3; i < args.length; i++) {
        Path jar = Path.of(args[i]);
        if (!Files.isRegularFile(jar)) {
          throw new IllegalArgumentException(jar + " is not a jar file");
        }
        String name = jar.getFileName().toString();
        if (!seen.add(name.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("two jars are both called " + name);
        }
        Report r = filter(jar, outDir.resolve(name), platform);
        removed += r.removed();
        removedBytes += r.removedBytes();
        if (r.natives() > 0 && r.natives() == r.removed()) {
          // Not fatal: some jars carry an optional native for one platform only (ihmc-realtime).
          System.out.println("  note: " + name + " has no natives for " + platform.id());
        } else if (r.removed() > 0) {
          System.out.printf("  %-45s %d natives, %d for other platforms removed (%.1f MB)%n", name, r.natives(),
              r.removed(), r.removedBytes() / 1e6);
        }
        names.add(name);
      }
      writeLauncherJar(outDir.resolve(LAUNCHER_JAR), args[2], names);
      System.out.printf("%d jars for %s; %d foreign natives removed (%.0f MB uncompressed)%n", names.size(),
          platform.id(), removed, removedBytes / 1e6);
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      System.err.println("PlatformJars: " + e.getMessage());
      System.exit(1);
    }
  }
}
