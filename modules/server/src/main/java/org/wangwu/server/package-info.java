/** The runnable Wangwu application: it assembles the platform core and the functional modules. */
package org.wangwu.server;
