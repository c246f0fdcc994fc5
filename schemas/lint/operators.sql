-- expect: breaks-application@6 breaks-application@9 breaks-application@10
CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq);
CREATE OPERATOR CLASS text_ci_ops FOR TYPE text USING btree AS OPERATOR 3 ===;
DROP OPERATOR CLASS text_ci_ops USING btree;
DROP OPERATOR FAMILY text_ci_ops USING btree;
DROP OPERATOR <<< (text, text);
DROP OPERATOR ===(text, text);
DROP OPERATOR IF EXISTS public.===(text, text);
DROP OPERATOR FAMILY app.text_ci_hash_ops USING hash;
DROP OPERATOR CLASS IF EXISTS app.point_ops USING gist;
