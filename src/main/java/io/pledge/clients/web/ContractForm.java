package io.pledge.clients.web;

import io.pledge.clients.ContractDocument;
import io.pledge.clients.ContractTerms;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import java.math.BigDecimal;
import java.util.List;

/**
 * The contract form: tier and calendar chosen from lists, dates, one covered service per line, the monthly
 * fee and its currency, cut into the API's contract document, which {@link ContractTerms#parse} checks.
 */
public final class ContractForm {

    private String tierId;
    private String calendarId;
    private String startDate;
    private String endDate;
    private String services = "";
    private String monthlyFee;
    private String currency = "EUR";

    static ContractForm of(ContractTerms terms) {
        ContractDocument document = terms.toDocument();
        ContractForm form = new ContractForm();
        form.tierId = document.tierId();
        form.calendarId = document.calendarId();
        form.startDate = document.startDate();
        form.endDate = document.endDate();
        form.services = String.join("\n", document.services());
        form.monthlyFee = document.monthlyFee().toPlainString();
        form.currency = document.currency();
        return form;
    }

    /** The API's document; a fee that is no number is recorded in {@code violations} and left out. */
    ContractDocument toDocument(Violations violations) {
        BigDecimal fee = null;
        if (!blank(monthlyFee)) {
            try {
                fee = new BigDecimal(monthlyFee.strip().replace(',', '.'));
            } catch (NumberFormatException notANumber) {
                violations.add("monthlyFee", "\"" + monthlyFee.strip() + "\" is not a number");
            }
        }
        List<String> lines = blank(services)
                ? List.of()
                : services.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new ContractDocument(
                trim(tierId), trim(calendarId), trim(startDate), trim(endDate), lines, fee, trim(currency));
    }

    /** A service's violation next to the text area, the line it names kept in front of the message. */
    static Violation toFormField(Violation violation) {
        String field = violation.field() == null ? "" : violation.field();
        if (field.startsWith("services[")) {
            int index = Integer.parseInt(field.substring("services[".length(), field.indexOf(']')));
            return new Violation("services", "line " + (index + 1) + ": " + violation.message());
        }
        return violation;
    }

    private static String trim(String text) {
        return blank(text) ? null : text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String getTierId() {
        return tierId;
    }

    public void setTierId(String tierId) {
        this.tierId = tierId;
    }

    public String getCalendarId() {
        return calendarId;
    }

    public void setCalendarId(String calendarId) {
        this.calendarId = calendarId;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getServices() {
        return services;
    }

    public void setServices(String services) {
        this.services = services;
    }

    public String getMonthlyFee() {
        return monthlyFee;
    }

    public void setMonthlyFee(String monthlyFee) {
        this.monthlyFee = monthlyFee;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
