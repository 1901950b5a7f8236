package org.wangwu.platform.module;

/**
 * The module contract: a functional module is a CDI bean implementing this, and the platform finds
 * it at start-up. It declares itself through {@link #descriptor()}; everything else (resources,
 * entities, migrations under {@code db/migration/<key>}, permissions) lives in the module's own package.
 */
public interface FunctionalModule {

    ModuleDescriptor descriptor();
}
