package org.twitchadvisor.batch;

import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.internal.text.Utf8Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code *.json} files of one folder (not its subfolders), one questionnaire each, in file-name order so
 * the output order does not depend on the file system. A file without a respondent is named after the file,
 * as {@code twitch assess} does.
 */
final class JsonFolderRecordReader implements RecordReader {
    private final List<Path> files;
    private final Iterator<Path> next;
    private int read;

    JsonFolderRecordReader(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            this.files = list.filter(JsonFolderRecordReader::isQuestionnaire).sorted().toList();
        } catch (IOException e) {
            throw new TwitchAdvisorException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        this.next = files.iterator();
    }

    private static boolean isQuestionnaire(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(p);
    }

    @Override
    public RawRecord next() {
        if (!next.hasNext()) {
            return null;
        }
        Path p = next.next();
        read++;
        String file = p.toString();
        String name = p.getFileName().toString();
        String respondent = name.substring(0, name.length() - ".json".length());
        try {
            long size = Files.size(p);
            if (size > JsonLinesRecordReader.MAX_LINE_CHARS) {
                return RawRecord.broken(file, 0, null, String.format(Locale.ROOT,
                        "this file has %,d bytes, more than the %,d a questionnaire may have", size,
                        JsonLinesRecordReader.MAX_LINE_CHARS));
            }
            return RawRecord.json(file, 0, Utf8Text.decode(Files.readAllBytes(p)), respondent);
        } catch (Utf8Text.NotUtf8Exception e) {
            return RawRecord.broken(file, 0, respondent, "this file is " + e.getMessage());
        } catch (IOException e) {
            return RawRecord.broken(file, 0, null, "cannot read this file: " + e.getMessage());
        }
    }

    @Override
    public double fractionRead() {
        return files.isEmpty() ? 1.0 : (double) read / files.size();
    }

    @Override
    public void close() {
        // Each file is opened and closed as it is read.
    }
}
