package dev.kumo.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns decoded images into what the images pipeline stores: RGB JPEGs, transparency flattened on white (as
 * Scrapy does), and thumbnails that fit a box with the aspect ratio kept (never enlarged, like Pillow's
 * {@code thumbnail}). Stateless.
 */
final class JpegImages {
  /** Pillow's default JPEG quality, which Scrapy uses. */
  private static final float QUALITY = 0.75f;

  private JpegImages() {}

  /** {@code image} on a white background, as RGB. */
  static BufferedImage rgb(BufferedImage image) {
    return draw(image, image.getWidth(), image.getHeight());
  }

  /** {@code image} scaled to fit {@code maxWidth} × {@code maxHeight}, aspect kept, never enlarged, as RGB. */
  static BufferedImage thumbnail(BufferedImage image, int maxWidth, int maxHeight) {
    double scale = Math.min(1.0, Math.min((double) maxWidth / image.getWidth(),
        (double) maxHeight / image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage current = image;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) { // halving keeps detail
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage image, int width, int height) {
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /** {@code rgb} encoded as a JPEG. */
  static byte[] jpeg(BufferedImage rgb) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      writer.setOutput(out);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
