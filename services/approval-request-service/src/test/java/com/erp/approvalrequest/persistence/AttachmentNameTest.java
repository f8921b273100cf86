package com.erp.approvalrequest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A download's file name in Content-Disposition: RFC 8187's encoding, which browsers decode back to the name. */
class AttachmentNameTest {

    @Test
    void everyCharacterOutsideTheAttrCharsIsPercentEncoded() {
        assertThat(Attachments.extValue("1월 영수증.PNG")).isEqualTo("1%EC%9B%94%20%EC%98%81%EC%88%98%EC%A6%9D.PNG");
        // "*", "'", "(", ")" and "%" are not attr-chars (URLEncoder left "*" as it was)
        assertThat(Attachments.extValue("a*b'(c)%.pdf")).isEqualTo("a%2Ab%27%28c%29%25.pdf");
        assertThat(Attachments.extValue("ok-name_1.2~!#$&+^`|.txt")).isEqualTo("ok-name_1.2~!#$&+^`|.txt");
        String name = "계약서 (최종)*v2 😀.pdf";
        assertThat(URLDecoder.decode(Attachments.extValue(name).replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo(name);
    }
}
