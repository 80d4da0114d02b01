package dev.kumo.testsite;

import java.io.IOException;

/** Serves one kind of request. Throw {@link IllegalArgumentException} for a bad request (answered with 400). */
@FunctionalInterface
interface Route {
  void serve(Call call) throws IOException, InterruptedException;
}
