/*
 * libcrypto, loaded the first time a journal is keyed, and never otherwise.
 *
 * SQLCipher calls OpenSSL's libcrypto for its ciphers, hashes and key derivation, but a plain
 * journal never needs them. Linked in (as a shared library or statically), libcrypto costs every
 * command its loading: the dynamic loader maps it, applies its relocations and binds its
 * symbols at each start (measured: most of what separated `mend --version` from a program with
 * nothing but its command line, see BENCHMARKS.md). So mend's build links this file in its
 * place (build.rs names its archive libcrypto.a, so SQLCipher's `-lcrypto` finds it): each of
 * the functions SQLCipher calls is a small trampoline that opens the system's libcrypto with
 * dlopen on first use and jumps to the real function. The library is the one the system keeps
 * up to date (its soname comes from the headers mend was built with), never a path of mend's.
 *
 * `mend_crypto_load` is asked first, before any key is set (src/store/cipher.rs), so a system
 * without libcrypto gets one clear line instead of a failing SQLCipher; the trampolines still
 * fail safely (NULL, 0) if it is not.
 *
 * When SQLCipher is updated and calls a function not listed here, linking fails with an
 * undefined symbol: add a line below.
 */

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include <openssl/rand.h>

#define MEND_STR2(x) #x
#define MEND_STR(x) MEND_STR2(x)
#define MEND_LIBCRYPTO "libcrypto.so." MEND_STR(OPENSSL_VERSION_MAJOR)

static void *library;
static char failure[256];
static pthread_once_t opened = PTHREAD_ONCE_INIT;

static void open_library(void) {
    library = dlopen(MEND_LIBCRYPTO, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "%s", why != NULL ? why : MEND_LIBCRYPTO " not found");
    }
}

/* 1 once libcrypto is loaded (loading it on the first call). 0 if it cannot be, with the
 * loader's reason in *why (when why is not NULL). */
int mend_crypto_load(const char **why) {
    pthread_once(&opened, open_library);
    if (library == NULL && why != NULL) {
        *why = failure;
    }
    return library != NULL;
}

/* The library's name, for messages. */
const char *mend_crypto_library(void) { return MEND_LIBCRYPTO; }

static void *lookup(const char *name) {
    if (!mend_crypto_load(NULL)) {
        return NULL;
    }
    return dlsym(library, name);
}

/* A function returning a value: `fail` when libcrypto or the function cannot be found. */
#define FORWARD(ret, name, params, args, fail)                                             \
    ret name params {                                                                      \
        static ret(*real) params;                                                          \
        ret(*f) params = __atomic_load_n(&real, __ATOMIC_ACQUIRE);                         \
        if (f == NULL) {                                                                   \
            f = (ret(*) params)lookup(#name);                                              \
            if (f == NULL) {                                                               \
                return fail;                                                               \
            }                                                                              \
            __atomic_store_n(&real, f, __ATOMIC_RELEASE);                                  \
        }                                                                                  \
        return f args;                                                                     \
    }

/* A function returning nothing. */
#define FORWARD_VOID(name, params, args)                                                   \
    void name params {                                                                     \
        static void(*real) params;                                                         \
        void(*f) params = __atomic_load_n(&real, __ATOMIC_ACQUIRE);                        \
        if (f == NULL) {                                                                   \
            f = (void(*) params)lookup(#name);                                             \
            if (f == NULL) {                                                               \
                return;                                                                    \
            }                                                                              \
            __atomic_store_n(&real, f, __ATOMIC_RELEASE);                                  \
        }                                                                                  \
        f args;                                                                            \
    }

/* Errors and version. */
FORWARD(unsigned long, ERR_get_error, (void), (), 0)
FORWARD(char *, ERR_error_string, (unsigned long e, char *buf), (e, buf), NULL)
FORWARD(const char *, OpenSSL_version, (int type), (type), "libcrypto not loaded")
FORWARD(const char *, OBJ_nid2sn, (int n), (n), NULL)

/* Random bytes (mend gives SQLCipher the kernel's, see src/store/random.rs; kept for SQLCipher's
 * own calls). */
FORWARD(int, RAND_bytes, (unsigned char *buf, int num), (buf, num), 0)
FORWARD_VOID(RAND_add, (const void *buf, int num, double randomness), (buf, num, randomness))

/* The cipher. */
FORWARD(const EVP_CIPHER *, EVP_aes_256_cbc, (void), (), NULL)
FORWARD(EVP_CIPHER_CTX *, EVP_CIPHER_CTX_new, (void), (), NULL)
FORWARD_VOID(EVP_CIPHER_CTX_free, (EVP_CIPHER_CTX * c), (c))
FORWARD(int, EVP_CIPHER_CTX_set_padding, (EVP_CIPHER_CTX * c, int pad), (c, pad), 0)
FORWARD(int, EVP_CIPHER_get_block_size, (const EVP_CIPHER *cipher), (cipher), 0)
FORWARD(int, EVP_CIPHER_get_iv_length, (const EVP_CIPHER *cipher), (cipher), 0)
FORWARD(int, EVP_CIPHER_get_key_length, (const EVP_CIPHER *cipher), (cipher), 0)
FORWARD(int, EVP_CIPHER_get_nid, (const EVP_CIPHER *cipher), (cipher), 0)
FORWARD(int, EVP_CipherInit_ex,
        (EVP_CIPHER_CTX * ctx, const EVP_CIPHER *cipher, ENGINE *impl, const unsigned char *key,
         const unsigned char *iv, int enc),
        (ctx, cipher, impl, key, iv, enc), 0)
FORWARD(int, EVP_CipherUpdate,
        (EVP_CIPHER_CTX * ctx, unsigned char *out, int *outl, const unsigned char *in, int inl),
        (ctx, out, outl, in, inl), 0)
FORWARD(int, EVP_CipherFinal_ex, (EVP_CIPHER_CTX * ctx, unsigned char *outm, int *outl),
        (ctx, outm, outl), 0)

/* Hashes, the page MAC and key derivation. */
FORWARD(const EVP_MD *, EVP_sha1, (void), (), NULL)
FORWARD(const EVP_MD *, EVP_sha256, (void), (), NULL)
FORWARD(const EVP_MD *, EVP_sha512, (void), (), NULL)
FORWARD(int, EVP_MD_get_size, (const EVP_MD *md), (md), 0)
FORWARD(EVP_MAC *, EVP_MAC_fetch, (OSSL_LIB_CTX * libctx, const char *algorithm,
                                   const char *properties),
        (libctx, algorithm, properties), NULL)
FORWARD_VOID(EVP_MAC_free, (EVP_MAC * mac), (mac))
FORWARD(EVP_MAC_CTX *, EVP_MAC_CTX_new, (EVP_MAC * mac), (mac), NULL)
FORWARD_VOID(EVP_MAC_CTX_free, (EVP_MAC_CTX * ctx), (ctx))
FORWARD(int, EVP_MAC_init,
        (EVP_MAC_CTX * ctx, const unsigned char *key, size_t keylen, const OSSL_PARAM params[]),
        (ctx, key, keylen, params), 0)
FORWARD(int, EVP_MAC_update, (EVP_MAC_CTX * ctx, const unsigned char *data, size_t datalen),
        (ctx, data, datalen), 0)
FORWARD(int, EVP_MAC_final,
        (EVP_MAC_CTX * ctx, unsigned char *out, size_t *outl, size_t outsize),
        (ctx, out, outl, outsize), 0)
FORWARD(int, PKCS5_PBKDF2_HMAC,
        (const char *pass, int passlen, const unsigned char *salt, int saltlen, int iter,
         const EVP_MD *digest, int keylen, unsigned char *out),
        (pass, passlen, salt, saltlen, iter, digest, keylen, out), 0)
