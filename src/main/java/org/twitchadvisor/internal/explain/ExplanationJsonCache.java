package org.twitchadvisor.internal.explain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each explanation tree, each advice and summary text, and each finding that recurs, as JSON remembered
 * from an earlier time it was written.
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
                .setMixInAnnotation(Finding.class, RepeatedTexts.class)
                .setSerializerModifier(new BeanSerializerModifier() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                              JsonSerializer<?> serializer) {
                        return bean.getBeanClass() == Finding.class
                                ? new RepeatedFinding(mapper, (JsonSerializer<Object>) serializer) : serializer;
                    }
                }));
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

    /**
     * A whole finding written from remembered JSON. Why: a survey repeats whole findings too (50,000 synthetic
     * questionnaires held 386,000 findings; 5,000 different ones made up 85% of them), and writing a finding
     * field by field was most of what writing an assessment still cost once its trees and texts were cached.
     *
     * <p>A finding is remembered by the identity of its parts, not its value, because hashing a finding by value
     * walks its trees: the engine hands out shared nodes, summaries and advice lists, so a repeated finding has
     * identical parts, and a finding built elsewhere is simply written the ordinary way. Parts compared by
     * identity are immutable, so equal keys always mean equal JSON.
     *
     * <p>A finding is remembered the second time it is seen, and only until the bound is reached. Why: most
     * different findings occur once (a rare combination of evidence, a lab value), and remembering those, or
     * clearing the whole cache to make room, cost more than it saved.
     */
    static final class RepeatedFinding extends StdSerializer<Finding> {
        private static final long serialVersionUID = 1L;
        /** About 35 MB of remembered JSON at most; far above the findings a survey repeats. */
        private static final int MAX_FINDINGS = 20_000;
        /** Findings seen once, waiting for a second sighting; cleared when full, which only delays remembering. */
        private static final int MAX_SEEN_ONCE = 50_000;
        private final transient ObjectMapper mapper;
        private final transient JsonSerializer<Object> fieldByField;
        private final transient Map<Parts, SerializableString> findings = new ConcurrentHashMap<>();
        private final transient Map<Parts, Boolean> seenOnce = new ConcurrentHashMap<>();

        RepeatedFinding(ObjectMapper mapper, JsonSerializer<Object> fieldByField) {
            super(Finding.class);
            this.mapper = mapper;
            this.fieldByField = fieldByField;
        }

        @Override
        public void serialize(Finding finding, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Parts parts = new Parts(finding);
            SerializableString text = findings.get(parts);
            if (text != null) {
                gen.writeRawValue(text);
                return;
            }
            boolean room = findings.size() < MAX_FINDINGS;
            if (room && seenOnce.remove(parts) != null) {
                ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
                try (JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
                    fieldByField.serialize(finding, g, provider);
                }
                text = new SerializedString(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                findings.put(parts, text);
                gen.writeRawValue(text);
                return;
            }
            if (room) {
                if (seenOnce.size() >= MAX_SEEN_ONCE) {
                    seenOnce.clear();
                }
                seenOnce.put(parts, Boolean.TRUE);
            }
            fieldByField.serialize(finding, gen, provider);
        }
    }

    /** A finding's parts: its words and score by value, its summary, trees and advice by identity. */
    private static final class Parts {
        private final Finding f;
        private final int hash;

        Parts(Finding f) {
            this.f = f;
            int h = f.subject().hashCode() * 31 + f.level().hashCode();
            h = h * 31 + Double.hashCode(f.score());
            h = h * 31 + System.identityHashCode(f.summary());
            h = h * 31 + System.identityHashCode(f.advice());
            for (Explanation e : f.because()) {
                h = h * 31 + System.identityHashCode(e);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Parts p) || p.hash != hash) {
                return false;
            }
            Finding g = p.f;
            if (g.summary() != f.summary() || g.advice() != f.advice() || g.because().size() != f.because().size()
                    || Double.compare(g.score(), f.score()) != 0 || !g.type().equals(f.type())
                    || !g.subject().equals(f.subject()) || !g.level().equals(f.level())) {
                return false;
            }
            for (int i = 0; i < f.because().size(); i++) {
                if (g.because().get(i) != f.because().get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
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
