package dev.kumo.testsite;

/**
 * One {@code <a>} of a page.
 *
 * @param href the attribute as written in the HTML
 * @param text the link text (plain ASCII, no markup)
 * @param target the absolute, fragment-free URL a crawler should follow, or {@code null} for links it must not
 *     follow ({@code mailto:}, {@code javascript:})
 */
record Anchor(String href, String text, String target) {}
