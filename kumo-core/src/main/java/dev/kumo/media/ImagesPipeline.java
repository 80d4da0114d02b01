package dev.kumo.media;

import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.stats.Stats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Downloads the images an item names (Scrapy's {@code ImagesPipeline}), as the {@link FilesPipeline} does
 * files, and stores each as an RGB JPEG (transparency flattened on white) under {@code images_store}:
 * {@code full/<sha256 of the JPEG>.jpg}, with a thumbnail per entry of {@code images_thumbs}
 * ({@code {small: [50, 50]}}: {@code thumbs/small/<same sha256>.jpg}, fitting the box, aspect kept). The item's
 * {@code images_result_field} lists {@code {url, path, checksum}} of the images kept, the checksum being the
 * stored JPEG's SHA-256.
 *
 * <pre>{@code
 * item_pipelines: {dev.kumo.media.ImagesPipeline: 1}
 * images_store: images/
 * images_min_width: 100
 * images_thumbs: {small: [50, 50]}
 * }</pre>
 *
 * <p>An image narrower than {@code images_min_width} or lower than {@code images_min_height} is dropped
 * ({@code images/dropped/too_small}); a body no reader recognises ({@code images/failed/not_an_image}), a
 * broken one ({@code images/failed/corrupt}) or one whose header claims more than {@code images_max_pixels}
 * pixels ({@code images/failed/too_large}, checked before decoding) is skipped. The item goes on without them.
 * Images are converted a few at a time, so that those at the largest size fit in a quarter of the heap.
 */
public final class ImagesPipeline extends MediaPipeline {
  /** Bytes of heap one image may take while converted: its decoded pixels and their RGB copy. */
  private static final int BYTES_PER_PIXEL = 8;
  private final ImageDecoder decoder;
  private final Map<String, int[]> thumbs;
  /** Images converted at once: as many as a quarter of the heap holds at the largest size, 1 to the cores. */
  private final Semaphore converting;

  /**
   * A pipeline storing under {@code images_store}, counting into {@code stats}.
   *
   * @throws IllegalArgumentException when {@code images_store} is not set, or {@code images_thumbs} holds
   *     anything but names to [width, height] of positive numbers
   */
  public ImagesPipeline(Settings settings, Stats stats) {
    super("images", settings, stats, Setting.IMAGES_STORE, Setting.IMAGES_URLS_FIELD, Setting.IMAGES_RESULT_FIELD,
        Setting.IMAGES_EXPIRES);
    this.decoder = new ImageDecoder(settings.get(Setting.IMAGES_MIN_WIDTH), settings.get(Setting.IMAGES_MIN_HEIGHT),
        settings.get(Setting.IMAGES_MAX_PIXELS));
    this.thumbs = thumbs(settings.get(Setting.IMAGES_THUMBS));
    long fit = Runtime.getRuntime().maxMemory() / 4 / (BYTES_PER_PIXEL * Math.max(1, decoder.maxPixels()));
    this.converting = new Semaphore((int) Math.clamp(fit, 1, Runtime.getRuntime().availableProcessors()));
  }

  private static Map<String, int[]> thumbs(Map<String, Object> setting) {
    Map<String, int[]> boxes = new LinkedHashMap<>();
    setting.forEach((name, size) -> {
      if (!name.matches("[A-Za-z0-9_-]+") || !(size instanceof List<?> wh) || wh.size() != 2
          || !(wh.get(0) instanceof Number w) || !(wh.get(1) instanceof Number h) || w.intValue() < 1
          || h.intValue() < 1) {
        throw new IllegalArgumentException("images_thumbs: '" + name + "': " + size
            + " is not a [width, height] of positive numbers under a plain name, e.g. {small: [50, 50]}");
      }
      boxes.put(name, new int[] {w.intValue(), h.intValue()});
    });
    return boxes;
  }

  @Override
  FileStore.Stored keep(String url, byte[] body, FileStore store) throws IOException, Rejected {
    converting.acquireUninterruptibly();
    try {
      BufferedImage image = decoder.decode(body);
      FileStore.Stored full = store.store(JpegImages.jpeg(JpegImages.rgb(image)), ".jpg");
      for (Map.Entry<String, int[]> box : thumbs.entrySet()) {
        String path = "thumbs/" + box.getKey() + "/" + full.checksum() + ".jpg";
        if (!store.has(path)) {
          store.put(path, JpegImages.jpeg(JpegImages.thumbnail(image, box.getValue()[0], box.getValue()[1])));
        }
      }
      return full;
    } finally {
      converting.release();
    }
  }
}
