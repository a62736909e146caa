package org.twitchadvisor.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code blocks of a Markdown page, with the {@code <!-- docs-check: ... -->} mark that precedes each
 * (docs/authoring.md, "Commands in the docs"): blocks labelled {@code sh} are commands the build runs,
 * a block marked {@code output} is what the last command run before it printed.
 */
final class DocBlocks {
    /** The languages whose blocks are commands. */
    static final List<String> SHELL = List.of("sh", "bash", "shell");
    /** How a command starts when it is one of ours: an unlabelled block starting so must say what it is. */
    static final Pattern LOOKS_LIKE_A_COMMAND = Pattern.compile("^(\\$ )?(java |\\./twitch|twitch |mvn |bench/|[A-Z_]+=\\S+ )");
    private static final Pattern MARK = Pattern.compile("^<!--\\s*docs-check:\\s*(skip|exit|output)\\b\\s*(.*?)\\s*-->\\s*$");

    /** What precedes a block. */
    enum Kind { RUN, SKIP, OUTPUT, NONE }

    /**
     * One fenced block.
     *
     * @param page the Markdown file
     * @param line the line of the opening fence, from 1
     * @param language what follows the opening fence, "" when nothing
     * @param kind what its mark says, or what its language means when unmarked
     * @param exitCode the exit code each command must end with
     * @param reason why a skipped block is not run
     * @param lines the block's lines
     */
    record Block(Path page, int line, String language, Kind kind, int exitCode, String reason, List<String> lines) {
        String where() {
            return page + ":" + line;
        }

        /** @return the commands: one per line, a line ending in a backslash continued, blank and comment lines left out */
        List<String> commands() {
            List<String> commands = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String l : lines) {
                if (current.isEmpty() && (l.isBlank() || l.strip().startsWith("#"))) {
                    continue;
                }
                if (l.endsWith("\\")) {
                    current.append(l, 0, l.length() - 1).append(' ');
                } else {
                    commands.add(current.append(l).toString().strip());
                    current.setLength(0);
                }
            }
            return commands;
        }
    }

    private DocBlocks() {
    }

    /** @return README.md and every docs/*.md page, in name order */
    static List<Path> pages(Path root) throws IOException {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /**
     * @return the page's blocks in order
     * @throws IllegalArgumentException for a mark that is not understood or that stands before no block
     */
    static List<Block> read(Path page) throws IOException {
        List<String> text = Files.readAllLines(page);
        List<Block> blocks = new ArrayList<>();
        String mark = null;
        String argument = "";
        int markLine = 0;
        for (int i = 0; i < text.size(); i++) {
            String l = text.get(i);
            Matcher m = MARK.matcher(l.strip());
            if (m.matches()) {
                mark = m.group(1);
                argument = m.group(2);
                markLine = i + 1;
                continue;
            }
            if (l.strip().startsWith("<!-- docs-check")) {
                throw new IllegalArgumentException(page + ":" + (i + 1) + ": not a docs-check mark: " + l.strip()
                        + " (say skip REASON, exit CODE or output)");
            }
            if (!l.startsWith("```")) {
                if (mark != null && !l.isBlank()) {
                    throw new IllegalArgumentException(page + ":" + markLine + ": the docs-check mark stands before no code block");
                }
                continue;
            }
            String language = l.substring(3).strip();
            int start = i + 1;
            List<String> lines = new ArrayList<>();
            for (i++; i < text.size() && !text.get(i).startsWith("```"); i++) {
                lines.add(text.get(i));
            }
            blocks.add(block(page, start, language, mark, argument, lines));
            mark = null;
        }
        return blocks;
    }

    private static Block block(Path page, int line, String language, String mark, String argument, List<String> lines) {
        boolean shell = SHELL.contains(language);
        if (mark == null) {
            return new Block(page, line, language, shell ? Kind.RUN : Kind.NONE, 0, "", lines);
        }
        String where = page + ":" + line;
        switch (mark) {
            case "skip" -> {
                if (argument.isEmpty()) {
                    throw new IllegalArgumentException(where + ": say why the block is not run: <!-- docs-check: skip REASON -->");
                }
                return new Block(page, line, language, Kind.SKIP, 0, argument, lines);
            }
            case "exit" -> {
                if (!shell || !argument.matches("\\d+")) {
                    throw new IllegalArgumentException(where + ": 'exit CODE' marks a ```sh block, with a number");
                }
                return new Block(page, line, language, Kind.RUN, Integer.parseInt(argument), "", lines);
            }
            default -> {
                if (shell) {
                    throw new IllegalArgumentException(where + ": an 'output' block is what a command printed: label it ```text");
                }
                return new Block(page, line, language, Kind.OUTPUT, 0, "", lines);
            }
        }
    }

    /**
     * Whether the output contains the quoted lines in order: a line {@code ...} stands for any lines, and
     * {@code ...} within a line for any text; trailing spaces do not count.
     *
     * @return {@code null} when it does, or the first quoted line not found
     */
    static String missingLine(List<String> quoted, List<String> output) {
        int at = 0;
        for (String q : quoted) {
            if (q.strip().equals("...") || q.isBlank()) {
                continue;
            }
            Pattern p = Pattern.compile(Stream.of(q.stripTrailing().split("\\.\\.\\.", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse(""));
            while (at < output.size() && !p.matcher(output.get(at).stripTrailing()).matches()) {
                at++;
            }
            if (at == output.size()) {
                return q;
            }
            at++;
        }
        return null;
    }
}
