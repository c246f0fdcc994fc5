SELECT count(*) = 1 FROM event WHERE kind = 'view' AND counter = 2147483647;
SELECT count(*) = 1 FROM event WHERE kind = 'idle' AND counter = 0;
SELECT count(*) = 1 FROM event WHERE kind = 'click' AND counter > 1;
SELECT count(*) = 1 FROM event WHERE kind = 'scroll' AND counter <= -5;
SELECT count(*) >= 1 AND bool_and(counter = 42) FROM event WHERE kind = 'old-app';
SELECT count(*) >= 1 AND bool_and(counter = 0) FROM event WHERE kind = 'old-app default';
SELECT bool_and(counter = 43) IS NOT FALSE FROM event WHERE kind = 'new-app';
