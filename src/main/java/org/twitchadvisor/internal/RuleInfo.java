package org.twitchadvisor.internal;

import java.util.List;

/**
 * What the engine knows of one rule from its metadata: its claim, its sources and its weight.
 *
 * @param name the rule name, which reads as the claim
 * @param file the DRL file, relative to the rules folder
 * @param line the line of the {@code rule} keyword, or 0 when unknown
 * @param layer the layer folder the file is in, e.g. {@code 2-deficiencies}
 * @param claim the {@code @claim} text
 * @param sources the {@code @sources} ids
 * @param weight the {@code @weight}, or 1 when the rule only passes a conclusion on (layer 1)
 */
public record RuleInfo(String name, String file, int line, String layer, String claim, List<String> sources,
                       double weight) {
    /** Unmodifiable copy. */
    public RuleInfo {
        sources = List.copyOf(sources);
    }
}
