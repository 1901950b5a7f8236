package org.wangwu.dashboards.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.fact.Figure;
import org.wangwu.platform.fact.StatisticsTable;

/**
 * Writes statistics tables as a download for provincial staff, CSV or XLSX, with zh-CN headers: one
 * line per module, statistic, place and period, suppressed figures as published ({@code <5}, {@code x}).
 */
@ApplicationScoped
public class TableExport {

    static final List<String> HEADERS = List.of("模块", "指标", "单位", "地区代码", "地区", "月份", "数值");

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The media type of a download {@code format}, {@code csv} or {@code xlsx}; 400 for any other. */
    public static String mediaType(String format) {
        if ("csv".equals(format)) {
            return "text/csv; charset=UTF-8";
        }
        if ("xlsx".equals(format)) {
            return XLSX;
        }
        throw ProblemException.invalidField("format", "must be csv or xlsx");
    }

    /** The header that names the downloaded file, {@code fileName} with the format's extension. */
    public static Map<String, String> attachment(String fileName, String format) {
        mediaType(format);
        return Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "." + format + "\"");
    }

    /** The tables as a download's bytes; {@code whole} names the row of the whole (全省, the county, the township). */
    public byte[] bytes(List<StatisticsTable> tables, String whole, String format) {
        mediaType(format);
        List<List<String>> lines = lines(tables, whole);
        return "csv".equals(format) ? csv(lines) : xlsx(lines);
    }

    static List<List<String>> lines(List<StatisticsTable> tables, String whole) {
        List<List<String>> lines = new ArrayList<>();
        for (StatisticsTable table : tables) {
            for (StatisticsTable.Row row : table.rows()) {
                for (StatisticsTable.Column stat : table.statistics()) {
                    Figure figure = row.figures().get(stat.key());
                    lines.add(List.of(table.name().zh(), stat.name().zh(), stat.unit(), row.place() == null ? "" : row.place(),
                            row.place() == null ? whole : row.name() == null ? row.place() : row.name(),
                            row.period() == null ? "合计" : row.period(), figure.text()));
                }
            }
        }
        return lines;
    }

    private static byte[] csv(List<List<String>> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A byte-order mark, so that spreadsheet programs read the Chinese headers as UTF-8.
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADERS.toArray(String[]::new)).get())) {
            for (List<String> line : lines) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(List<List<String>> lines) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("统计");
            write(sheet.createRow(0), HEADERS);
            for (int i = 0; i < lines.size(); i++) {
                Row row = sheet.createRow(i + 1);
                List<String> line = lines.get(i);
                write(row, line.subList(0, 6));
                String value = line.get(6);
                if (value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                    row.createCell(6).setCellValue(Double.parseDouble(value));
                } else {
                    row.createCell(6).setCellValue(value);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }
}
