package org.twitchadvisor.spark;

import org.twitchadvisor.TwitchAdvisorException;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A rules folder as text, the form in which rules travel to the executors: a compiled Drools KieBase is not
 * serialisable, and text is small (about 200 KB for the bundled rules) and can be checked on the driver before any
 * executor compiles it.
 *
 * @param files every {@code .drl} and {@code .csv} file of the folder: path relative to it, with {@code /}
 *              separators, to its content
 * @param hash a content hash of the paths and texts, which keys the compiled advisor on each executor
 */
public record RulesText(TreeMap<String, String> files, String hash) implements Serializable {

    /** A sorted copy, so that equal folders give equal hashes whatever order the file system lists them in. */
    public RulesText {
        files = new TreeMap<>(files);
    }

    /**
     * Reads the rule files of a folder, as the library reads one ({@code *.drl} and {@code *.csv} at any depth).
     *
     * @param dir the rules folder
     * @return its texts
     * @throws TwitchAdvisorException when the folder cannot be read or a file is not UTF-8 text
     */
    public static RulesText read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TwitchAdvisorException("rules folder '" + dir + "' does not exist or is not a folder");
        }
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.filter(Files::isRegularFile).filter(RulesText::isRuleFile).sorted().toList();
            for (Path p : paths) {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                files.put(relative, utf8(p));
            }
        } catch (IOException e) {
            throw new TwitchAdvisorException("cannot read rules folder '" + dir + "': " + e.getMessage(), e);
        }
        return of(files);
    }

    /**
     * @param files relative path to content
     * @return the rules with their hash
     */
    public static RulesText of(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return new RulesText(new TreeMap<>(files), HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Writes the texts into a new folder, which the library compiles like any rules folder.
     *
     * @param parent where the folder is made
     * @return the new folder
     */
    public Path materialise(Path parent) {
        try {
            Path dir = Files.createTempDirectory(parent, "twitch-rules-" + hash.substring(0, 12) + "-");
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = dir.resolve(e.getKey()).normalize();
                if (!file.startsWith(dir)) {
                    throw new TwitchAdvisorException("rules file '" + e.getKey() + "' lies outside its folder");
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules into " + parent, e);
        }
    }

    private static boolean isRuleFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".csv");
    }

    private static String utf8(Path p) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
        } catch (CharacterCodingException e) {
            throw new TwitchAdvisorException("rules file '" + p + "' is not UTF-8 text; save it as UTF-8", e);
        }
    }
}
