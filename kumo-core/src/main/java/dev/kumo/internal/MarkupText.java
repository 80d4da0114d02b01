package dev.kumo.internal;

/**
 * Looks at markup as text, before or instead of its parsed document: a question the document would answer by
 * visiting every element is first asked of the text, when the text can rule the answer out in one pass.
 */
public final class MarkupText {
  private MarkupText() {}

  /**
   * Whether {@code text} may hold an element named {@code name} (ASCII, lower case): false only when no
   * {@code <} is followed by the name in any case, as every start tag of such an element would be; an
   * element no tag in the text starts cannot be in its parsed document.
   */
  public static boolean mayHaveElement(String text, String name) {
    int n = name.length();
    for (int lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
      if (text.regionMatches(true, lt + 1, name, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
