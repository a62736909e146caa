package org.twitchadvisor.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each explanation tree, and each advice and summary text, as JSON remembered from the last time it
 * was written.
 *
 * <p>Why: in a survey the same few explanations and texts recur in nearly every assessment (20,000 synthetic
 * questionnaires held 303,000 explanation trees but only 1,264 different ones), and escaping their long texts
 * was most of the cost of writing an assessment. The remembered text is what the same mapper, without this
 * cache, writes, so the output is byte-for-byte what it would be without it. Only for compact output: indented
 * output depends on the depth a tree is written at.
 *
 * <p>Trees are looked up by identity first: the engine hands out one instance per distinct tree, and a record's
 * hash walks the whole tree. An equal tree that is another instance (one a caller built) is found by value.
 */
public final class ExplanationJsonCache extends StdSerializer<Explanation> {
    private static final long serialVersionUID = 1L;
    /** Far above the distinct trees of a real rule set; the bound only keeps a pathological input from hoarding memory. */
    private static final int MAX_ENTRIES = 20_000;

    private final transient ObjectMapper plain;
    /** Kept as {@link SerializedString}: it remembers its UTF-8 bytes too, so writing to a byte stream copies bytes. */
    private final transient Map<Explanation, SerializableString> byValue = new ConcurrentHashMap<>();
    private final transient Map<Same, SerializableString> byIdentity = new ConcurrentHashMap<>();

    /** A tree compared by reference. */
    private record Same(Explanation node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }

    private ExplanationJsonCache(ObjectMapper plain) {
        super(Explanation.class);
        this.plain = plain;
    }

    /**
     * Makes {@code mapper} write explanations, advice and summaries through a cache.
     *
     * @param mapper a compact (not indented) mapper, configured except for this cache
     */
    public static void install(ObjectMapper mapper) {
        ExplanationJsonCache cache = new ExplanationJsonCache(mapper.copy());
        mapper.registerModule(new SimpleModule("explanation-json-cache").addSerializer(Explanation.class, cache)
                .setMixInAnnotation(Finding.class, RepeatedTexts.class));
    }

    @Override
    public void serialize(Explanation node, JsonGenerator gen, SerializerProvider provider) throws IOException {
        Same same = new Same(node);
        SerializableString text = byIdentity.get(same);
        if (text == null) {
            text = byValue.get(node);
            if (text == null) {
                text = new SerializedString(plain.writeValueAsString(node));
                remember(byValue, node, text);
            }
            remember(byIdentity, same, text);
        }
        gen.writeRawValue(text);
    }

    private static <K> void remember(Map<K, SerializableString> map, K key, SerializableString text) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, text);
    }

    /** Where the advice and summary texts of a finding are written from remembered, escaped bytes. */
    private abstract static class RepeatedTexts {
        @JsonSerialize(using = RepeatedText.class)
        abstract String summary();

        @JsonSerialize(contentUsing = RepeatedText.class)
        abstract List<String> advice();
    }

    /** A text that recurs across assessments, written from its remembered quoted UTF-8 form. */
    static final class RepeatedText extends StdSerializer<String> {
        private static final long serialVersionUID = 1L;
        private static final int MAX_TEXTS = 20_000;
        private final transient Map<String, SerializableString> texts = new ConcurrentHashMap<>();

        RepeatedText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            SerializableString text = texts.get(value);
            if (text == null) {
                text = new SerializedString(value);
                remember(texts, value, text);
            }
            gen.writeString(text);
        }
    }
}
