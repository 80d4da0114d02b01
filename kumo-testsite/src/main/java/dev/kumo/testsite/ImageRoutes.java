package dev.kumo.testsite;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Real images for the images pipeline, made with ImageIO the first time one is asked for.
 * <ul>
 *   <li>{@code /media/alpha.png}: 300×200 PNG, the left half opaque blue, the right half fully transparent;
 *   <li>{@code /media/photo.jpg}: 240×160 JPEG, a red-to-yellow gradient;
 *   <li>{@code /media/tiny.png}: 10×10 PNG (under any sensible minimum size);
 *   <li>{@code /media/corrupt.jpg}: the start of a JPEG, then bytes that are not one;
 *   <li>{@code /media/bomb.png}: a 1×1 PNG whose header claims 50,000 × 50,000 pixels (CRC fixed: a
 *       well-formed header), the shape of a decompression bomb;
 *   <li>{@code /media/gallery}: two {@code div.item}, {@code #a} with alpha.png, photo.jpg and tiny.png, and
 *       {@code #b} with photo.jpg, corrupt.jpg, bomb.png and alpha.png ({@code <img src>}).
 * </ul>
 */
final class ImageRoutes {
  /** The images, made once per JVM when first served. */
  private static final class Images {
    static final Map<String, byte[]> BY_NAME = Map.of(
        "alpha.png", encode(alpha(), "png"),
        "photo.jpg", encode(photo(), "jpeg"),
        "tiny.png", encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png"),
        "corrupt.jpg", corrupt(encode(photo(), "jpeg")),
        "bomb.png", claiming(encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png"), 50_000, 50_000));
  }

  private ImageRoutes() {}

  static void register(Router router) {
    router.exact("/media/gallery", ImageRoutes::gallery).prefix("/media/", ImageRoutes::image);
  }

  private static void gallery(Call call) throws IOException {
    Replies.html(call, 200, Html.page("Images", """
        <div class="item" id="a"><img src="alpha.png"><img src="photo.jpg"><img src="tiny.png"></div>
        <div class="item" id="b"><img src="photo.jpg"><img src="corrupt.jpg"><img src="bomb.png">\
        <img src="alpha.png"></div>
        """));
  }

  private static void image(Call call) throws IOException {
    byte[] body = Images.BY_NAME.get(call.path().substring("/media/".length()));
    if (body == null) {
      Replies.notFound(call);
      return;
    }
    Replies.send(call, 200, call.path().endsWith(".png") ? "image/png" : "image/jpeg", body);
  }

  private static BufferedImage alpha() {
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, 150, 200);
    g.dispose();
    return image;
  }

  private static BufferedImage photo() {
    BufferedImage image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.RED, 240, 160, Color.YELLOW));
    g.fillRect(0, 0, 240, 160);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The JPEG's first 20 bytes (SOI and APP0), then a run of bytes that is no JPEG segment. */
  private static byte[] corrupt(byte[] jpeg) {
    byte[] broken = Arrays.copyOf(jpeg, 2000);
    for (int i = 20; i < broken.length; i++) {
      broken[i] = (byte) (i * 31 + 7);
    }
    return broken;
  }

  /** The PNG with its IHDR's width and height replaced (and the chunk's CRC computed again). */
  private static byte[] claiming(byte[] png, int width, int height) {
    byte[] out = png.clone();
    ByteBuffer b = ByteBuffer.wrap(out); // signature (8), IHDR length (4), "IHDR" (4), data (13), CRC (4)
    b.putInt(16, width).putInt(20, height);
    CRC32 crc = new CRC32();
    crc.update(out, 12, 17);
    b.putInt(29, (int) crc.getValue());
    return out;
  }
}
