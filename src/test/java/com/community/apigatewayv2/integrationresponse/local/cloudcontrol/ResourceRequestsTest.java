package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Client tokens and one operation at a time per resource, as Cloud Control keeps them. */
class ResourceRequestsTest {
    private final ResourceRequests requests =
            new ResourceRequests("Community::ApiGatewayV2::IntegrationResponse", Clock.systemUTC());

    @Test
    void aSecondOperationOnAResourceWhileOneRunsIsAConcurrentOperation() throws Exception {
        final ResourceRequest update = requests.open("UPDATE", "a|b|c", null, "UPDATE a|b|c [1]", 0);

        assertThatThrownBy(() -> requests.open("DELETE", "a|b|c", null, "DELETE a|b|c", 0))
                .isInstanceOf(CloudControlException.class)
                .hasMessage(
                        "Another UPDATE request (" + update.requestToken() + ") is in progress for the resource a|b|c")
                .extracting(e -> ((CloudControlException) e).status())
                .isEqualTo(409);
        // another resource, and the same one once the first has finished, are free
        assertThat(requests.open("DELETE", "a|b|d", null, "DELETE a|b|d", 0).status())
                .isEqualTo(ResourceRequest.Status.PENDING);
        update.succeeded(null, null);
        assertThat(requests.open("DELETE", "a|b|c", null, "DELETE a|b|c", 0).operation())
                .isEqualTo("DELETE");
    }

    @Test
    void aClientTokenNamesOneRequest() throws Exception {
        final ResourceRequest first = requests.open("CREATE", null, "tok", "CREATE {a}", 0);

        assertThat(requests.open("CREATE", null, "tok", "CREATE {a}", 0)).isSameAs(first);
        assertThat(requests.replay("tok", "CREATE {a}")).containsSame(first);
        assertThat(requests.replay("other", "CREATE {a}")).isEmpty();
        assertThatThrownBy(() -> requests.open("CREATE", null, "tok", "CREATE {b}", 0))
                .isInstanceOf(CloudControlException.class)
                .extracting(e -> ((CloudControlException) e).type())
                .isEqualTo("ClientTokenConflictException");
        // without a token, the same parameters are a new request
        assertThat(requests.open("CREATE", null, null, "CREATE {a}", 0)).isNotSameAs(first);
        assertThat(requests.newestFirst()).hasSize(2).last().isSameAs(first);
    }

    @Test
    void anUnknownRequestTokenIsNotFound() {
        assertThatThrownBy(() -> requests.get("nope"))
                .isInstanceOf(CloudControlException.class)
                .extracting(e -> ((CloudControlException) e).type())
                .isEqualTo("RequestTokenNotFoundException");
    }
}
