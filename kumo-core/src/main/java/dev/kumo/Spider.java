package dev.kumo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A crawl's own logic: where to start and what to do with each response. Subclass it and write plain,
 * synchronous code; the engine runs it sequentially, on threads or asynchronously (setting
 * {@code execution_model}) with the same results.
 *
 * <pre>{@code
 * public final class BooksSpider extends Spider {
 *   @Override public List<String> startUrls() { return List.of("https://books.example/"); }
 *
 *   @Override public void parse(Response response, Output out) {
 *     for (String href : response.css("a.book::attr(href)").getAll()) {
 *       out.add(response.follow(href, "parseBook"));
 *     }
 *   }
 *
 *   public void parseBook(Response response, Output out) {
 *     out.add(Item.of("title", response.css("h1::text").get(), "url", response.url()));
 *   }
 * }
 * }</pre>
 *
 * <p>Callbacks are named by {@link Request#callback()}: a method {@code name(Response, Output)} of the spider
 * (any visibility), or a {@link Callback} registered with {@link #register(String, Callback)}. Callbacks run
 * concurrently on several threads in the {@code threads} and {@code async} models, so a spider that keeps
 * mutable state must make it thread-safe.
 */
public abstract class Spider {
  private final Map<String, Callback> callbacks = new ConcurrentHashMap<>();
  private final Map<String, Errback> errbacks = new ConcurrentHashMap<>();
  private final SpiderState state = new SpiderState();

  /** The spider's name, used in logs and stats; the class name in lower case by default. */
  public String name() {
    return getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** URLs to start from; each becomes a GET handled by {@link #parse}. */
  public List<String> startUrls() {
    return List.of();
  }

  /**
   * The first requests; by default one for each of {@link #startUrls()}. Unlike Scrapy, start requests go
   * through the duplicate filter, so a start page linked again is not fetched twice.
   */
  public Iterable<Request> startRequests() {
    return startUrls().stream().map(Request::get).toList();
  }

  /** Domains the crawl may visit (with their subdomains); empty means any. Others are counted as offsite. */
  public List<String> allowedDomains() {
    return List.of();
  }

  /** The spider's own settings, layered over the settings file and under the command line. */
  public Settings settings() {
    return Settings.defaults();
  }

  /** The default callback. Override it, or name other callbacks in requests. */
  public void parse(Response response, Output out) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not override parse(Response, Output)");
  }

  /**
   * The spider's own key-value state (cursors, counters): kept in the job directory with the crawl, so a
   * resumed crawl starts from it. Restored before {@link #opened()}.
   */
  public final SpiderState state() {
    return state;
  }

  /** Called once before the first request. */
  public void opened() {}

  /** Called once after the crawl ends, with the finish reason (e.g. {@code finished}). */
  public void closed(String reason) {}

  /** Registers {@code callback} under {@code name}, taking precedence over a method of that name. */
  protected final void register(String name, Callback callback) {
    callbacks.put(name, callback);
  }

  /**
   * The callback named {@code name}: a registered one, else the method {@code name(Response, Output)}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public final Callback callback(String name) {
    Callback cb = callbacks.get(name);
    if (cb == null) {
      cb = callbacks.computeIfAbsent(name, this::methodCallback);
    }
    return cb;
  }

  /** Registers {@code errback} under {@code name}, taking precedence over a method of that name. */
  protected final void registerErrback(String name, Errback errback) {
    errbacks.put(name, errback);
  }

  /**
   * The errback named {@code name}: a registered one, else the method {@code name(Failure, Output)}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public final Errback errback(String name) {
    Errback eb = errbacks.get(name);
    if (eb == null) {
      eb = errbacks.computeIfAbsent(name, n -> {
        MethodHandle h = method("errback", n, Failure.class);
        return (failure, out) -> invoke(h, failure, out);
      });
    }
    return eb;
  }

  private Callback methodCallback(String name) {
    if (name.equals(Request.DEFAULT_CALLBACK)) {
      return this::parse;
    }
    MethodHandle h = method("callback", name, Response.class);
    return (response, out) -> invoke(h, response, out);
  }

  /** The spider's method {@code name(first, Output)} as a handle taking (Object, Output). */
  private MethodHandle method(String kind, String name, Class<?> first) {
    for (Class<?> c = getClass(); c != null && c != Spider.class; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod(name, first, Output.class);
        m.setAccessible(true);
        return MethodHandles.lookup().unreflect(m).bindTo(this)
            .asType(MethodType.methodType(void.class, Object.class, Output.class));
      } catch (NoSuchMethodException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException(kind + " '" + name + "' of " + getClass().getName()
            + " is not accessible: " + e.getMessage(), e);
      }
    }
    String near = dev.kumo.internal.Nearest.closeTo(name, methodNames(first, kind.equals("callback")
        ? callbacks.keySet() : errbacks.keySet()));
    throw new IllegalArgumentException("spider " + name() + " has no " + kind + " '" + name + "'"
        + (near != null ? "; did you mean '" + near + "'?"
            : ": define a method " + name + "(" + first.getSimpleName() + ", Output) or register one"));
  }

  /** The {@code registered} names and those of this spider's methods {@code (first, Output)}. */
  private java.util.Set<String> methodNames(Class<?> first, java.util.Set<String> registered) {
    java.util.Set<String> names = new java.util.TreeSet<>(registered);
    for (Class<?> c = getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (java.util.Arrays.equals(m.getParameterTypes(), new Class<?>[] {first, Output.class})) {
          names.add(m.getName());
        }
      }
    }
    return names;
  }

  private static void invoke(MethodHandle h, Object argument, Output out) throws Exception {
    try {
      h.invokeExact(argument, out);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
