package dev.kumo.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an image body with the JDK's ImageIO (PNG, JPEG, GIF, BMP, TIFF, and any format whose ImageIO
 * plug-in is on the class path), after checking its size from the header alone: a body claiming more than
 * {@code maxPixels} pixels (a decompression bomb: a small file declaring huge dimensions) or fewer than the
 * minimum width or height is refused before any pixel is decoded. Immutable and thread-safe.
 *
 * @param minWidth smallest width accepted
 * @param minHeight smallest height accepted
 * @param maxPixels most pixels (width × height) decoded
 */
record ImageDecoder(int minWidth, int minHeight, long maxPixels) {
  /** The decoded image, or a {@link MediaPipeline.Rejected} saying why not. */
  BufferedImage decode(byte[] body) throws MediaPipeline.Rejected {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(body))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new MediaPipeline.Rejected("failed/not_an_image", "no image format recognised");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > maxPixels) {
          throw new MediaPipeline.Rejected("failed/too_large",
              "image of " + width + "x" + height + " exceeds images_max_pixels (" + maxPixels + ")");
        }
        if (width < minWidth || height < minHeight) {
          throw new MediaPipeline.Rejected("dropped/too_small",
              "image too small (" + width + "x" + height + " < " + minWidth + "x" + minHeight + ")");
        }
        BufferedImage image = reader.read(0);
        if (image == null) {
          throw new MediaPipeline.Rejected("failed/corrupt", "the reader returned no image");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) { // ImageIO's readers throw unchecked exceptions on broken data
      throw new MediaPipeline.Rejected("failed/corrupt", "cannot decode: " + e);
    }
  }
}
