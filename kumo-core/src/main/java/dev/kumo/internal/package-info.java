/**
 * Kumo's internals shared between its packages. Not API: anything here may change in any release; please
 * don't depend on it.
 */
@NullMarked
package dev.kumo.internal;

import org.jspecify.annotations.NullMarked;
