package dev.kumo.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Sitemaps listing every page: {@code /sitemap.xml} is a sitemap index naming {@code /sitemaps/even.xml} (a
 * plain urlset of the even pages; pages 0 and 2 also name an alternate, {@code /page/n?lang=fr}) and
 * {@code /sitemaps/odd.xml.gz} (a gzip-compressed urlset of the odd pages, {@code application/gzip}, no
 * {@code Content-Encoding}). URLs are absolute, each page's canonical URL. Pair it with
 * {@code robotsTxt("Sitemap: /sitemap.xml")} for a robots.txt line that points to the index.
 */
final class SitemapRoutes {
  private static final String URLSET = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      + "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";

  private final SiteConfig config;
  private final SiteAddresses addresses;
  private final byte[] even;
  private final byte[] odd;

  SitemapRoutes(SiteConfig config, SiteAddresses addresses) {
    this.config = config;
    this.addresses = addresses;
    this.even = urlset(0).getBytes(StandardCharsets.UTF_8);
    this.odd = gzip(urlset(1).getBytes(StandardCharsets.UTF_8));
  }

  void register(Router router) {
    router.exact("/sitemap.xml", this::index)
        .exact("/sitemaps/even.xml", call -> Replies.send(call, 200, "application/xml", even))
        .exact("/sitemaps/odd.xml.gz", call -> Replies.send(call, 200, "application/gzip", odd));
  }

  private void index(Call call) throws IOException {
    String base = addresses.hostUrl(call.host());
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        + "<sitemap><loc>" + base + "/sitemaps/even.xml</loc></sitemap>\n"
        + "<sitemap><loc>" + base + "/sitemaps/odd.xml.gz</loc></sitemap>\n"
        + "</sitemapindex>\n";
    Replies.send(call, 200, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  /** The urlset of the pages {@code n} with {@code n % 2 == parity}. */
  private String urlset(int parity) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(URLSET);
    for (int n = parity; n < config.pages(); n += 2) {
      String url = addresses.pageUrl(n);
      xml.append("<url><loc>").append(url).append("</loc>");
      if (n == 0 || n == 2) {
        xml.append("<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"").append(url).append("?lang=fr\"/>");
      }
      xml.append("</url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
