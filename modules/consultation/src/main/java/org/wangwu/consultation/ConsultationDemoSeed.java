package org.wangwu.consultation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.wangwu.platform.module.DemoSeed;
import org.wangwu.platform.tenancy.CountyCode;

/** Placeholder until written. */
@ApplicationScoped
public class ConsultationDemoSeed implements DemoSeed {

    @Override
    public Uni<Void> seed(CountyCode county) {
        return Uni.createFrom().voidItem();
    }
}
