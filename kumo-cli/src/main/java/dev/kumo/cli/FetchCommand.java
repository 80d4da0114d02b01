package dev.kumo.cli;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.download.DnsOverrides;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.testsite.ReasonPhrases;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo fetch}: downloads one URL with Kumo's settings (user agent, timeouts, size limits, redirects) and
 * prints the status line and headers, then the body decoded as text, to stdout.
 */
@Command(name = "fetch", sortOptions = false,
    description = {
        "Fetches one URL and prints its status line, headers and body.",
        "",
        "Kumo's settings apply (user_agent, timeouts, download_maxsize, dns_resolve...). Redirects are followed up to "
            + "redirect_max_times, each hop logged to stderr. The body is decoded as text with its detected charset.",
        ""})
public final class FetchCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  private static final Logger log = LoggerFactory.getLogger(FetchCommand.class);

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "The http or https URL to fetch; without a scheme, http:// is assumed.")
  private String url;

  @Option(names = "--headers", description = "Prints the status line and headers only, not the body.")
  private boolean headersOnly;

  @Option(names = "--no-redirect", description = "Does not follow redirects: prints the redirect response itself.")
  private boolean noRedirect;

  @Option(names = {"-v", "--verbose"},
      description = "Also prints, to stderr, the protocol each response came over (http/1.1 or h2) and its URL.")
  private boolean verbose;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() {
    common.configureLogging(CommonOptions.LogLevel.INFO);
    Settings settings = common.effective(Settings.defaults());
    URI target = checkUrl(UrlArguments.withScheme(url));
    Redirect redirects = new Redirect(!noRedirect && settings.get(Setting.REDIRECT_ENABLED),
        settings.get(Setting.REDIRECT_MAX_TIMES), UrlCanonicalizer.DEFAULT);
    DnsOverrides.pinAll(settings.get(Setting.DNS_RESOLVE));
    Response response;
    try (Transport transport = Transport.open(TransportConfig.from(settings))) {
      response = fetch(transport, target.toString(), redirects, verbose);
    } catch (DownloadException e) {
      throw CliException.failed(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted", e);
    }
    print(response);
    return 0;
  }

  private static URI checkUrl(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      throw CliException.usage("invalid URL '" + text + "': " + e.getMessage(), e);
    }
    throw CliException.usage("invalid URL '" + text + "': expected an absolute http or https URL");
  }

  /**
   * Fetches {@code url}, following redirects as {@code redirects} (Kumo's one redirect step) decides; a redirect
   * not followed (--no-redirect, redirect_enabled false) is returned as is.
   */
  private Response fetch(Transport transport, String url, Redirect redirects, boolean verbose)
      throws DownloadException, InterruptedException {
    Request request = Request.get(url);
    while (true) {
      Response response = transport.exchange(request);
      if (verbose) {
        spec.commandLine().getErr().println("* " + response.protocol() + " " + response.status() + " " + request.url());
      }
      switch (redirects.decide(response)) {
        case Redirect.Follow follow -> {
          log.info("Redirecting ({}) to {}", response.status(), follow.next().url());
          request = follow.next();
        }
        case Redirect.Refuse refuse -> throw redirects.failure(url, refuse);
        case Redirect.Use use -> {
          return response;
        }
      }
    }
  }

  private void print(Response response) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(statusLine(response.protocol(), response.status()));
    response.headers().toMap().forEach((name, values) -> values.forEach(v -> out.println(name + ": " + v)));
    if (!headersOnly) {
      out.println();
      out.print(response.text());
    }
    out.flush();
  }

  /** {@code HTTP/1.1 200 OK} or {@code HTTP/2 200 OK}; the reason is the standard one for the code. */
  static String statusLine(String protocol, int status) {
    String reason = ReasonPhrases.of(status);
    return ((protocol.equals("h2") ? "HTTP/2 " : "HTTP/1.1 ") + status + " " + reason).strip();
  }
}
