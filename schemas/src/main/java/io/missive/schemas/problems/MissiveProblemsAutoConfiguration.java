package io.missive.schemas.problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Gives every Spring MVC service the shared {@link MissiveProblemHandler}. It comes before Boot's
 * web configuration so that Boot's own problem-details handler (which backs off when any
 * {@link ResponseEntityExceptionHandler} exists) is not registered beside it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
public class MissiveProblemsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    MissiveProblemHandler missiveProblemHandler(ObjectProvider<ProblemObserver> observers) {
        return new MissiveProblemHandler(observers);
    }
}
