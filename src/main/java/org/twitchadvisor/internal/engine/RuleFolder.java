package org.twitchadvisor.internal.engine;

import org.twitchadvisor.internal.text.Utf8Text;

import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of every file of a rules folder ({@code *.drl} and {@code data/*.csv}), keyed by its path
 * relative to the folder with {@code /} separators, in sorted order, so the same folder always yields the
 * same rule set id whatever the order the file system lists it in.
 *
 * @param location where the folder was read from, for messages
 * @param files relative path to file content
 */
public record RuleFolder(String location, Map<String, String> files) {

    /** The classpath folder the build copies the top-level {@code rules/} folder into. */
    public static final String BUNDLED = "twitch-rules";

    /** Sorted, unmodifiable copy. */
    public RuleFolder {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * Reads a rules folder from disk.
     *
     * @param dir the folder
     * @return its files
     * @throws TwitchAdvisorException when it is not a readable folder
     */
    public static RuleFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TwitchAdvisorException("rules folder '" + dir + "' does not exist or is not a folder");
        }
        return new RuleFolder(dir.toString(), readTree(dir));
    }

    /**
     * Reads the rules bundled in the jar (or in {@code target/classes} when run from the build).
     *
     * @return the bundled rule files
     */
    public static RuleFolder bundled() {
        return new RuleFolder("bundled rules", readTree(bundledPath()));
    }

    /**
     * @return the folder of the bundled rules, inside the jar (or {@code target/classes}); the bundled case
     *         files are in its {@code cases/}
     */
    public static Path bundledPath() {
        URL url = RuleFolder.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new TwitchAdvisorException("the bundled rules (" + BUNDLED + "/) are not on the classpath");
        }
        try {
            URI uri = url.toURI();
            return "jar".equals(uri.getScheme()) ? jarFileSystem(uri).getPath("/" + BUNDLED) : Path.of(uri);
        } catch (URISyntaxException e) {
            throw new TwitchAdvisorException("cannot locate the bundled rules: " + e.getMessage(), e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readTree(Path root) {
        Map<String, String> files = new TreeMap<>();
        List<RuleProblem> notText = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.filter(Files::isRegularFile).filter(RuleFolder::isRuleFile).sorted().toList();
            for (Path p : paths) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(p);
                try {
                    files.put(rel, Utf8Text.decode(bytes));
                } catch (Utf8Text.NotUtf8Exception e) {
                    int[] at = lineAndColumn(bytes, e.offset());
                    notText.add(new RuleProblem(rel, at[0], at[1], "error", e.getMessage()
                            + (e.offset() < 0 ? "" : "; save the file as UTF-8")));
                }
            }
        } catch (IOException e) {
            throw new TwitchAdvisorException("cannot read rules folder '" + root + "': " + e.getMessage(), e);
        }
        if (!notText.isEmpty()) {
            throw new InvalidRulesException(notText);
        }
        return files;
    }

    /** @return the line and column, from 1, of a byte offset; 1:1 for no offset */
    private static int[] lineAndColumn(byte[] bytes, long offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // What precedes the bad byte on its line is valid UTF-8, so its characters are the column.
        int column = offset < 0 ? 1 : new String(bytes, lineStart, (int) offset - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new int[] {line, column};
    }

    private static boolean isRuleFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".csv");
    }

    /** @return the DRL files, by relative path */
    public Map<String, String> drlFiles() {
        Map<String, String> drl = new TreeMap<>();
        files.forEach((k, v) -> {
            if (k.endsWith(".drl")) {
                drl.put(k, v);
            }
        });
        return drl;
    }

    /**
     * @return a content hash of every file and its path: the rule set id written into each assessment
     */
    public String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                // Line endings do not change a rule's meaning: a checkout on Windows must give the same id.
                sha.update(e.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
