package dev.kumo.media;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One item per test-site gallery {@code /gallery?n=K}, K = 1..count: {@code gallery} (its URL) and
 * {@code file_urls} (images 0..K-1, each named twice), for crawls with the files pipeline.
 */
public final class GalleriesSpider extends Spider {
  private final TestSite site;
  private final int count;

  /** Galleries 1..count of {@code site}. */
  public GalleriesSpider(TestSite site, int count) {
    this.site = site;
    this.count = count;
  }

  /** The number of files of the gallery at {@code url}. */
  public static int files(String url) {
    return Integer.parseInt(url.substring(url.indexOf("n=") + 2));
  }

  @Override
  public String name() {
    return "galleries";
  }

  @Override
  public List<String> startUrls() {
    return IntStream.rangeClosed(1, count).mapToObj(k -> site.url("/gallery?n=" + k)).toList();
  }

  @Override
  public void parse(Response response, Output out) {
    out.add(Item.of("gallery", response.url(), "file_urls", response.css("img.photo::attr(src)").getAll()));
  }
}
