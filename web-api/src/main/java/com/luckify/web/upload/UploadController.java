package com.luckify.web.upload;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.upload.StoredUpload;
import com.luckify.upload.UploadService;
import com.luckify.web.security.CurrentUserId;
import com.luckify.web.support.ApiRateLimits;
import com.luckify.web.support.ApiRateLimits.Write;
import com.luckify.web.support.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /upload/v1/upload/add}: the contract's base64-in-JSON body, and a multipart variant (part
 * {@code file}) on the same path for clients that use {@code wx.uploadFile}. Both answer {@code data.url}.
 */
@Tag(name = "upload")
@RestController
class UploadController {

    private final UploadService uploads;
    private final ApiRateLimits rateLimits;

    UploadController(UploadService uploads, ApiRateLimits rateLimits) {
        this.uploads = uploads;
        this.rateLimits = rateLimits;
    }

    @PostMapping(path = "/upload/v1/upload/add", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<UserUploadResp> addBase64(@CurrentUserId long userId, @Valid @RequestBody UserUploadReq req,
            HttpServletRequest request) {
        rateLimits.write(Write.UPLOAD, userId, request);
        byte[] content = decode(req.file_data());
        return ApiResponse.ok(UserUploadResp.of(uploads.store(userId, nameOf(req), content)));
    }

    @PostMapping(path = "/upload/v1/upload/add", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse<UserUploadResp> addMultipart(@CurrentUserId long userId, @RequestPart("file") MultipartFile file,
            HttpServletRequest request) throws IOException {
        rateLimits.write(Write.UPLOAD, userId, request);
        return ApiResponse.ok(UserUploadResp.of(uploads.store(userId, file.getOriginalFilename(), file.getBytes())));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.REQUEST_PARAM_ERROR,
                    ErrorCode.REQUEST_PARAM_ERROR.message() + ",field \"file_data\" is not valid base64");
        }
    }

    private static String nameOf(UserUploadReq req) {
        String name = req.file_name() == null ? "" : req.file_name();
        return req.ext() == null ? name : name + req.ext();
    }

    /**
     * The contract's keys. {@code size} is the client's claim and is ignored: we measure the bytes.
     * {@code file_data} is standard base64; line breaks are tolerated, other stray characters are not.
     */
    record UserUploadReq(
            @Size(max = 100, message = "is too long (max 100)") String file_name,
            @Size(max = 50, message = "is too long (max 50)") String ext,
            Long size,
            @NotNull(message = "is not set") String file_data) {
    }

    record UserUploadResp(String url) {

        static UserUploadResp of(StoredUpload upload) {
            return new UserUploadResp(upload.url());
        }
    }
}
