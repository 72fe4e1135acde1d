/**
 * Paging as every service pages a list: the size rule (20 by default, at most 100, never
 * negative), the one opaque page-token format, and the words of their refusals. Plain Java like
 * the rest of {@code org.medicore.support.port}, so a use case may page as well as an adapter.
 */
package org.medicore.support.port.paging;
