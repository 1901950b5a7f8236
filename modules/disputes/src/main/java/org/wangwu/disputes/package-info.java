/** Placeholder so the module builds until its first class lands. */
package org.wangwu.disputes;
