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
    public record NewSupermarket(
            @Schema(description = "Its name", examples = "花石村爱心超市") @NotBlank @Size(max = 100) String name,
            @Schema(description = "The village (12 digits) or township (9) it serves", examples = "419001100201") @NotNull @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String placeCode,
            @Schema(description = "The usernames of its clerks") @NotNull @Size(max = 50) List<@Pattern(regexp = "[a-zA-Z0-9._@-]{3,100}") String> clerks) {
    }

    @Schema(examples = "{\"clerks\": [\"jiyuan-clerk\"]}")
    public record ClerkList(
            @Schema(description = "The usernames of the supermarket's clerks (staff with the supermarket-clerk role)") @NotNull @Size(max = 50) List<@Pattern(regexp = "[a-zA-Z0-9._@-]{3,100}") String> clerks) {
    }

    public record SupermarketView(
            @Schema(description = "The supermarket's id") UUID id,
            @Schema(description = "Its name", examples = "花石村爱心超市") String name,
            @Schema(description = "The village or township it serves", examples = "419001100201") String placeCode,
            @Schema(description = "The usernames of its clerks") List<String> clerks) {
    }

    @Schema(examples = "{\"name\": \"洗衣粉 1kg\", \"pricePoints\": 10, \"stock\": 50}")
    public record NewGoods(
            @Schema(description = "The good's name", examples = "洗衣粉 1kg") @NotBlank @Size(max = 100) String name,
            @Schema(description = "Its price in points", examples = "30") @NotNull @Min(1) @Max(100_000) Integer pricePoints,
            @Schema(description = "The opening stock", examples = "50") @NotNull @Min(0) @Max(1_000_000) Integer stock) {
    }

    /** Changes stock by a delta (a delivery is positive, a write-off negative), and optionally price or listing. */
    @Schema(examples = "{\"stockDelta\": 20}")
    public record GoodsChange(
            @Schema(description = "Restock (positive) or write off (negative)", examples = "20") @Min(-1_000_000) @Max(1_000_000) Integer stockDelta,
            @Schema(description = "The new price in points", examples = "30") @Min(1) @Max(100_000) Integer pricePoints,
            @Schema(description = "false takes the good off the shelf", examples = "true") Boolean active) {
    }

    public record GoodsView(
            @Schema(description = "The good's id") UUID id,
            @Schema(description = "Its supermarket") UUID supermarketId,
            @Schema(description = "Its name", examples = "洗衣粉 1kg") String name,
            @Schema(description = "Its price in points", examples = "30") int pricePoints,
            @Schema(description = "How many are in stock", examples = "48") int stock,
            @Schema(description = "Whether it is on the shelf", examples = "true") boolean active) {
        static GoodsView of(Goods g) {
            return new GoodsView(g.id, g.supermarketId, g.name, g.pricePoints, g.stock, g.active);
        }
    }

    @Schema(examples = "{\"accountId\": \"0d5e3f0e-5f1b-4d1e-b7f5-6a0a6f8e9c21\", "
            + "\"goodsId\": \"9b2a7d4c-3e1f-4a5b-8c6d-7e8f9a0b1c2d\", \"quantity\": 1}")
    public record NewRedemption(
            @Schema(description = "The account to spend from") @NotNull UUID accountId,
            @Schema(description = "The good taken") @NotNull UUID goodsId,
            @Schema(description = "How many", examples = "1") @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    public record RedemptionView(
            @Schema(description = "The redemption's id") UUID id,
            @Schema(description = "The supermarket") UUID supermarketId,
            @Schema(description = "The account spent from") UUID accountId,
            @Schema(description = "The good") UUID goodsId,
            @Schema(description = "The good's name", examples = "洗衣粉 1kg") String goodsName,
            @Schema(description = "How many", examples = "1") int quantity,
            @Schema(description = "Points spent", examples = "30") long points,
            @Schema(description = "The balance after it", examples = "90") long balanceAfter,
            @Schema(description = "The ledger entry") UUID entryId,
            @Schema(description = "The clerk who redeemed", examples = "jiyuan-clerk") String clerk,
            @Schema(description = "When") Instant redeemedAt) {
    }
}
