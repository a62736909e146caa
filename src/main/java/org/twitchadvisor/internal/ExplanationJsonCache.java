package org.twitchadvisor.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.twitchadvisor.Explanation;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each explanation tree as JSON text remembered from the last time an equal tree was written.
 *
 * <p>Why: in a survey the same few explanations recur in nearly every assessment (20,000 synthetic
 * questionnaires held 303,000 explanation trees but only 1,264 different ones), and escaping their long claim
 * texts was most of the cost of {@code toJson}. The remembered text is what the same mapper, without this
 * cache, writes for the tree, so the output is byte-for-byte what it would be without it. Only for compact
 * output: indented output depends on the depth a tree is written at.
 */
public final class ExplanationJsonCache extends StdSerializer<Explanation> {
    private static final long serialVersionUID = 1L;
    /** Far above the distinct trees of a real rule set; the bound only keeps a pathological input from hoarding memory. */
    private static final int MAX_ENTRIES = 20_000;

    private final transient ObjectMapper plain;
    private final transient Map<Explanation, String> texts = new ConcurrentHashMap<>();

    private ExplanationJsonCache(ObjectMapper plain) {
        super(Explanation.class);
        this.plain = plain;
    }

    /**
     * Makes {@code mapper} write explanations through a cache.
     *
     * @param mapper a compact (not indented) mapper, configured except for this cache
     */
    public static void install(ObjectMapper mapper) {
        ExplanationJsonCache cache = new ExplanationJsonCache(mapper.copy());
        mapper.registerModule(new SimpleModule("explanation-json-cache").addSerializer(Explanation.class, cache));
    }

    @Override
    public void serialize(Explanation node, JsonGenerator gen, SerializerProvider provider) throws IOException {
        String text = texts.get(node);
        if (text == null) {
            text = plain.writeValueAsString(node);
            if (texts.size() >= MAX_ENTRIES) {
                texts.clear();
            }
            texts.put(node, text);
        }
        gen.writeRawValue(text);
    }
}
