package dev.kumo.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Decoding and conversion without a server: what is not an image, thumbnails that never grow, JPEG output. */
class ImageConversionTest {
  private static final ImageDecoder ANY = new ImageDecoder(0, 0, 25_000_000);

  private static byte[] png(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void aPageIsNotAnImage() {
    MediaPipeline.Rejected r = catchThrowableOfType(MediaPipeline.Rejected.class,
        () -> ANY.decode("<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.reason()).isEqualTo("failed/not_an_image");
  }

  @Test
  void theMinimumAndMaximumSizesAreCheckedFromTheHeader() throws Exception {
    assertThat(catchThrowableOfType(MediaPipeline.Rejected.class,
        () -> new ImageDecoder(0, 0, 99).decode(png(10, 10))).reason()).isEqualTo("failed/too_large");
    assertThat(catchThrowableOfType(MediaPipeline.Rejected.class,
        () -> new ImageDecoder(0, 11, 100).decode(png(10, 10))).reason()).isEqualTo("dropped/too_small");
    assertThat(new ImageDecoder(10, 10, 100).decode(png(10, 10)).getWidth()).isEqualTo(10);
  }

  @Test
  void aThumbnailFitsItsBoxKeepsTheAspectAndNeverGrows() throws Exception {
    BufferedImage wide = ANY.decode(png(1000, 250));
    assertThat(size(JpegImages.thumbnail(wide, 100, 100))).isEqualTo(List.of(100, 25));
    assertThat(size(JpegImages.thumbnail(wide, 2000, 2000))).isEqualTo(List.of(1000, 250));
  }

  @Test
  void theStoredFormIsAJpegWithoutAlpha() throws Exception {
    byte[] jpeg = JpegImages.jpeg(JpegImages.rgb(ANY.decode(png(40, 30))));
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
    assertThat(size(back)).isEqualTo(List.of(40, 30));
    assertThat(back.getColorModel().hasAlpha()).isFalse();
    assertThat(back.getRGB(5, 5) & 0xFFFFFF).as("transparent pixels are white").isGreaterThan(0xF0F0F0);
  }

  @Test
  void aWebpIsReadThroughTheImageIoPlugInOnTheClassPath() throws Exception {
    byte[] webp;
    try (var in = ImageConversionTest.class.getResourceAsStream("alpha.webp")) {
      webp = in.readAllBytes(); // 64x48, the left half blue, the right half transparent (made with cwebp)
    }
    BufferedImage rgb = JpegImages.rgb(ANY.decode(webp));
    assertThat(size(rgb)).isEqualTo(List.of(64, 48));
    assertThat(rgb.getRGB(60, 20) & 0xFFFFFF).as("transparent becomes white").isEqualTo(0xFFFFFF);
    int blue = rgb.getRGB(5, 20);
    assertThat(List.of(blue >> 16 & 0xFF, blue & 0xFF)).as("blue stays blue (red, blue)")
        .satisfies(c -> assertThat(c.get(0)).isLessThan(40), c -> assertThat(c.get(1)).isGreaterThan(200));
  }

  private static List<Integer> size(BufferedImage image) {
    return List.of(image.getWidth(), image.getHeight());
  }
}
