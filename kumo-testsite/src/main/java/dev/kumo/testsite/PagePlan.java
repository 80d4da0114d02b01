package dev.kumo.testsite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The content of every page except its filler text: title, price, size and links, each a pure function of the
 * seed and the page number.
 *
 * <p>Links of page {@code n}, in document order: page 0 (the "Home" link, always first), the children {@code 2n+1}
 * and {@code 2n+2} (if they exist, so every page is reachable from page 0), seeded random pages until there are
 * {@code linksPerPage} distinct pages, then two duplicates (the first child, or page 0, again with a
 * {@code #details} fragment, and the last page linked again as is), a {@code mailto:} and a {@code javascript:}
 * link, and, with {@code brokenLinks}, a link to the missing page {@code /page/(pages+100)} on the same host.
 */
final class PagePlan {
  static final int MIN_SIZE = 5 * 1024;
  static final int SIZE_SPREAD = 9 * 1024;
  static final String MAILTO = "mailto:someone@example.com";
  static final String JAVASCRIPT = "javascript:void(0)";
  static final String FRAGMENT = "#details";

  private static final long LINKS = 0x4C494E4BL;
  private static final long PRICE = 0x5052494345L;
  private static final long SIZE = 0x53495A45L;
  private static final long TEXT = 0x54455854L;

  private final SiteConfig config;
  private final SiteAddresses addresses;

  PagePlan(SiteConfig config, SiteAddresses addresses) {
    this.config = config;
    this.addresses = addresses;
  }

  SiteAddresses addresses() {
    return addresses;
  }

  int pages() {
    return config.pages();
  }

  String title(int n) {
    check(n);
    return "Page " + n;
  }

  /** A price in [£1.00, £999.99], always with two decimals. */
  String price(int n) {
    check(n);
    long cents = 100 + Math.floorMod(Mix.hash(config.seed(), n, PRICE), 99_900L);
    long fraction = cents % 100;
    return "£" + cents / 100 + (fraction < 10 ? ".0" : ".") + fraction;
  }

  /** The size in bytes the page is filled up to (it may exceed it by one paragraph). */
  int targetSize(int n) {
    return MIN_SIZE + (int) Math.floorMod(Mix.hash(config.seed(), n, SIZE), (long) SIZE_SPREAD);
  }

  /** A random stream for the filler text of page {@code n}. */
  SplittableRandom textRandom(int n) {
    return Mix.random(config.seed(), n, TEXT);
  }

  /** Every {@code <a>} of page {@code n} in document order; the first is the link to page 0. */
  List<Anchor> anchors(int n) {
    check(n);
    int pages = config.pages();
    int host = addresses.hostOf(n);
    Set<Integer> targets = new LinkedHashSet<>();
    targets.add(0);
    long firstChild = 2L * n + 1;
    if (firstChild < pages) {
      targets.add((int) firstChild);
    }
    if (firstChild + 1 < pages) {
      targets.add((int) firstChild + 1);
    }
    SplittableRandom random = Mix.random(config.seed(), n, LINKS);
    int wanted = config.linksPerPage();
    for (int tries = 0; targets.size() < wanted && tries < 4 * wanted; tries++) {
      targets.add(random.nextInt(pages));
    }
    List<Anchor> anchors = new ArrayList<>(targets.size() + 5);
    int last = 0;
    for (int target : targets) {
      anchors.add(pageAnchor(host, target, "", anchors.isEmpty() ? "Home" : "Page " + target));
      last = target;
    }
    int fragmentTarget = firstChild < pages ? (int) firstChild : 0;
    anchors.add(pageAnchor(host, fragmentTarget, FRAGMENT, "More about page " + fragmentTarget));
    anchors.add(pageAnchor(host, last, "", "Page " + last + " again"));
    anchors.add(new Anchor(MAILTO, "Write to us", null));
    anchors.add(new Anchor(JAVASCRIPT, "Do nothing", null));
    if (config.brokenLinks()) {
      String path = SiteAddresses.pagePath(pages + 100);
      anchors.add(new Anchor(path, "Missing page", addresses.hostUrl(host) + path));
    }
    return anchors;
  }

  /** The absolute URLs page {@code n} links to that a crawler should follow, deduplicated, in document order. */
  List<String> expectedLinks(int n) {
    return anchors(n).stream().map(Anchor::target).filter(Objects::nonNull).distinct().toList();
  }

  private Anchor pageAnchor(int fromHost, int target, String fragment, String text) {
    return new Anchor(addresses.href(fromHost, target) + fragment, text, addresses.pageUrl(target));
  }

  private void check(int n) {
    Objects.checkIndex(n, config.pages());
  }
}
