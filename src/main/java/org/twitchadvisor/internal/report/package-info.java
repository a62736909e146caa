/**
 * The population report: counts of a batch's results ({@link org.twitchadvisor.internal.report.Population}), read
 * back from files ({@link org.twitchadvisor.internal.report.ResultsReader}) or gathered as a batch runs, and
 * written as one self-contained HTML page with SVG charts ({@link org.twitchadvisor.internal.report.HtmlReport}).
 */
package org.twitchadvisor.internal.report;
