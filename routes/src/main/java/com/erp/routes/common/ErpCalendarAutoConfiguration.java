package com.erp.routes.common;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.erp.routes.common.events.CompanyDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The company's days (erp.working-time.days and .holidays), one list for every service that counts days. */
@AutoConfiguration
public class ErpCalendarAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ErpCalendarAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    CompanyDays companyDays(@Value("${erp.working-time.days}") List<DayOfWeek> days,
                            @Value("${erp.working-time.holidays:}") List<String> holidays,
                            @Value("${erp.calendar-zone}") ZoneId zone, ObjectProvider<Clock> clock) {
        CompanyDays companyDays = CompanyDays.of(days, holidays);
        int year = LocalDate.now(clock.getIfAvailable(Clock::systemUTC).withZone(zone)).getYear();
        // the list is kept by hand each year: without it, public holidays count as working days. Leave may be asked
        // for last year, this year and next year
        for (int open = year - 1; open <= year + 1; open++) {
            if (!companyDays.listsHolidaysOf(open)) {
                LOG.warn("erp.working-time.holidays lists no day of {}: leave and reminders count that year's public "
                        + "holidays as working days", open);
            }
        }
        return companyDays;
    }
}
