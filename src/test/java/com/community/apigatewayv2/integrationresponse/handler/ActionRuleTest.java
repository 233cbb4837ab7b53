package com.community.apigatewayv2.integrationresponse.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

class ActionRuleTest {

    /** A runtime with an action the table lacks would fail every request of it: the table covers them all. */
    @Test
    void everyActionOfTheRuntimeHasItsRule() {
        for (final Action action : Action.values()) {
            assertEquals(action, ActionRule.of(action).action());
        }
        assertThat(Arrays.stream(ActionRule.values()).map(ActionRule::action))
                .containsExactlyInAnyOrder(Action.values());
    }

    @Test
    void onlyTheActionsThatMayAnswerInProgressAreNotSynchronous() {
        for (final ActionRule rule : ActionRule.values()) {
            if (rule.mayAnswerInProgress()) {
                assertThat(rule.synchronous()).as(rule.name()).isFalse();
            }
        }
        assertThat(Arrays.stream(ActionRule.values()).filter(ActionRule::synchronous))
                .containsExactly(ActionRule.READ, ActionRule.LIST);
        assertEquals(HandlerErrorCode.AlreadyExists, ActionRule.CREATE.conflict());
        assertEquals(HandlerErrorCode.ResourceConflict, ActionRule.UPDATE.conflict());
    }
}
