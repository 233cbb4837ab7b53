package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property.Role;
import java.time.Duration;
import java.util.List;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * What the CloudFormation contract and the service make of each action, in one table: whether it
 * must answer in one invocation, how long it has, whether its input is validated against the
 * schema, whether it may answer IN_PROGRESS, the identifier parts it needs and what their absence
 * means, and what a conflict with another resource means. The request path ({@code lambda}), the
 * handlers, the throttle policy and the exception translator all read it here.
 */
public enum ActionRule {
    CREATE(Action.CREATE, false, true, false, Property.playing(Role.PARENT), HandlerErrorCode.InvalidRequest, ""),
    READ(Action.READ, true, false, false, Property.primaryIdentifier(), HandlerErrorCode.NotFound, ""),
    UPDATE(Action.UPDATE, false, true, true, Property.primaryIdentifier(), HandlerErrorCode.NotFound, ""),
    DELETE(Action.DELETE, false, false, true, Property.primaryIdentifier(), HandlerErrorCode.NotFound, ""),
    LIST(
            Action.LIST,
            true,
            false,
            false,
            Property.playing(Role.PARENT),
            HandlerErrorCode.InvalidRequest,
            " to list integration responses");

    /** How long CloudFormation gives an action that may answer IN_PROGRESS, and one that must answer at once. */
    static final Duration MUTATING_LIMIT = Duration.ofSeconds(60);

    static final Duration SYNCHRONOUS_LIMIT = Duration.ofSeconds(30);

    private final Action action;
    private final boolean synchronous;
    private final boolean validated;
    private final boolean mayAnswerInProgress;
    private final List<Property> identifierParts;
    private final HandlerErrorCode withoutIdentifier;
    private final String requiredFor;

    ActionRule(
            final Action action,
            final boolean synchronous,
            final boolean validated,
            final boolean mayAnswerInProgress,
            final List<Property> identifierParts,
            final HandlerErrorCode withoutIdentifier,
            final String requiredFor) {
        this.action = action;
        this.synchronous = synchronous;
        this.validated = validated;
        this.mayAnswerInProgress = mayAnswerInProgress;
        this.identifierParts = identifierParts;
        this.withoutIdentifier = withoutIdentifier;
        this.requiredFor = requiredFor;
    }

    /** The rule of a CloudFormation action. */
    public static ActionRule of(final Action action) {
        return valueOf(action.name());
    }

    public Action action() {
        return action;
    }

    /** READ and LIST: one invocation, whose answer is never IN_PROGRESS. */
    public boolean synchronous() {
        return synchronous;
    }

    /** CREATE and UPDATE: the desired state is checked against the schema before the handler runs. */
    public boolean validated() {
        return validated;
    }

    /** How long CloudFormation waits for the invocation's answer. */
    public Duration timeLimit() {
        return synchronous ? SYNCHRONOUS_LIMIT : MUTATING_LIMIT;
    }

    /**
     * UPDATE and DELETE may answer IN_PROGRESS (still throttled at the deadline) and be invoked
     * again; CREATE has no identifier to report yet, READ and LIST must answer at once.
     */
    boolean mayAnswerInProgress() {
        return mayAnswerInProgress;
    }

    /** The identifier parts the request must carry: CREATE and LIST their parent, the rest the whole identifier. */
    List<Property> identifierParts() {
        return identifierParts;
    }

    /**
     * What a missing or malformed identifier part means: InvalidRequest where the caller must name a
     * parent, NotFound where it names a resource (one without a whole identifier cannot exist).
     */
    HandlerErrorCode withoutIdentifier() {
        return withoutIdentifier;
    }

    /** The end of the message naming a missing parent, e.g. {@code "ApiId is required to list integration responses"}. */
    String requiredFor() {
        return requiredFor;
    }

    /** What the service's 409 means: on CREATE another response holds the key; otherwise a conflict with it. */
    HandlerErrorCode conflict() {
        return this == CREATE ? HandlerErrorCode.AlreadyExists : HandlerErrorCode.ResourceConflict;
    }
}
