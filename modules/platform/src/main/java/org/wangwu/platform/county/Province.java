package org.wangwu.platform.county;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A province-level division (省), by its two-digit GB/T 2260 code. */
@Entity
@Table(name = "province")
public class Province {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;
}
