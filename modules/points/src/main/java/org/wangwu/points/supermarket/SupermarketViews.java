package org.wangwu.points.supermarket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of supermarkets, goods and redemptions. */
public final class SupermarketViews {

    private SupermarketViews() {
    }

    @Schema(examples = "{\"name\": \"花石村爱心超市\", \"placeCode\": \"419001100201\", \"clerks\": [\"jiyuan-clerk\"]}")
    public record NewSupermarket(@NotBlank @Size(max = 100) String name,
                                 @NotNull @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String placeCode,
                                 @NotNull @Size(max = 50) List<@Pattern(regexp = "[a-zA-Z0-9._@-]{3,100}") String> clerks) {
    }

    @Schema(examples = "{\"clerks\": [\"jiyuan-clerk\"]}")
    public record ClerkList(@NotNull @Size(max = 50) List<@Pattern(regexp = "[a-zA-Z0-9._@-]{3,100}") String> clerks) {
    }

    public record SupermarketView(UUID id, String name, String placeCode, List<String> clerks) {
    }

    @Schema(examples = "{\"name\": \"洗衣粉 1kg\", \"pricePoints\": 10, \"stock\": 50}")
    public record NewGoods(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(100_000) Integer pricePoints,
                           @NotNull @Min(0) @Max(1_000_000) Integer stock) {
    }

    /** Changes stock by a delta (a delivery is positive, a write-off negative), and optionally price or listing. */
    @Schema(examples = "{\"stockDelta\": 20}")
    public record GoodsChange(@Min(-1_000_000) @Max(1_000_000) Integer stockDelta,
                              @Min(1) @Max(100_000) Integer pricePoints, Boolean active) {
    }

    public record GoodsView(UUID id, UUID supermarketId, String name, int pricePoints, int stock, boolean active) {
        static GoodsView of(Goods g) {
            return new GoodsView(g.id, g.supermarketId, g.name, g.pricePoints, g.stock, g.active);
        }
    }

    @Schema(examples = "{\"accountId\": \"0d5e3f0e-5f1b-4d1e-b7f5-6a0a6f8e9c21\", "
            + "\"goodsId\": \"9b2a7d4c-3e1f-4a5b-8c6d-7e8f9a0b1c2d\", \"quantity\": 1}")
    public record NewRedemption(@NotNull UUID accountId, @NotNull UUID goodsId,
                                @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    public record RedemptionView(UUID id, UUID supermarketId, UUID accountId, UUID goodsId, String goodsName,
                                 int quantity, long points, long balanceAfter, UUID entryId, String clerk,
                                 Instant redeemedAt) {
    }
}
